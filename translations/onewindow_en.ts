<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CasesPage</name>
    <message>
        <source>Cases</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Case number, or scan the QR code on a receipt or notice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Case number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Applicant</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Matter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Promised by</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No cases accepted at this window yet.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CreditCode</name>
    <message>
        <source>A unified social credit code has 18 characters; this one has %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Character %1 ("%2") cannot appear in a credit code (I, O, Z, S and V are never used).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Characters 3 to 8 of a credit code are the region code and must be digits.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The check character does not match: a character was probably mistyped (expected %1 at the end).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The embedded organisation code %1 has a wrong check character (expected %2).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>IdNumber</name>
    <message>
        <source>A 15-digit ID number may contain digits only.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An ID number has 18 characters (or 15 for old cards); this one has %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The first 17 characters of an ID number must be digits.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The last character of an ID number must be a digit or X.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not a known region code.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The birth date %1 in this ID number does not exist.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The check digit does not match: a character was probably mistyped (expected %1 at the end).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <source>Intake</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Applicant (person)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ID &amp;number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Place the ID card on the reader, or type the 18-digit number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Applicant (company)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Credit code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Scan the business licence QR code, or type the unified social credit code</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>OneWindow — comprehensive acceptance window</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sections</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;About OneWindow</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <source>Queue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tickets waiting at this window. Call the next applicant, recall, mark a no-show or transfer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ticket</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Taken at</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No one is waiting at this window.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SupervisorPage</name>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clerk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Longest wait</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Near deadline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Done in one visit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No windows are assigned to you yet.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>WorkCalendar</name>
    <message>
        <source>The calendar is not valid JSON at offset %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The calendar must be a JSON object.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The calendar has no valid "year".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Holiday %1 of %2 needs a name and valid "from" ≤ "to" dates.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Holiday "%1" lies outside %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Make-up workday %1 of %2 has no valid "date".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is listed both as a holiday and as a make-up workday.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No calendar tables found in %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Comprehensive window 1 (demo)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Work calendar</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The work calendar could not be loaded; deadlines count weekends only.
%1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ow::ui::IntakePage</name>
    <message>
        <source>resident ID card</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hong Kong residence permit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Macao residence permit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Taiwan residence permit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>foreigner permanent residence card</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n more character(s) to go.</source>
        <translation><numerusform>%n more character to go.</numerusform><numerusform>%n more characters to go.</numerusform></translation>
    </message>
    <message>
        <source>male</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>female</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Valid %1 · born %2 · %3 · age %4 · region %5</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(upgraded from the 15-digit number to %1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Valid credit code · region %1 · organisation code %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ow::ui::MainWindow</name>
    <message>
        <source>Queue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Intake</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cases</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Demo mode: simulated devices, demo data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No window assigned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Window: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>About OneWindow</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;h3&gt;OneWindow %1&lt;/h3&gt;&lt;p&gt;The comprehensive acceptance window: one set of materials, one window, at most one visit.&lt;/p&gt;</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ow::ui::SupervisorPage</name>
    <message>
        <source>Today, %1, is a public holiday (%2).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Today, %1, is a working day.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Today, %1, is a rest day.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A case accepted today with a 5-working-day promise is due on %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Warning: there is no holiday table for %1; only weekends are counted.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Note: the %1 holiday table is provisional.</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>
