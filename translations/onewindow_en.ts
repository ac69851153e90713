<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AuditLog</name>
    <message>
        <source>Writing the audit log failed: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CaseNumbering</name>
    <message>
        <source>This window is not configured: a 6-digit region code and a window code without '-' are needed for case numbers.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot take the next case number: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CaseRepository</name>
    <message>
        <source>Saving the case failed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A case needs an id and a number before it is saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reading the case failed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No case with id %1 in this store.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No case numbered %1 at this window.</source>
        <translation type="unfinished" />
    </message>
</context>
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
    <name>DocumentLayout</name>
    <message>
        <source>Accepted offline: provisional until confirmed by the back office.</source>
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
        <source>Agent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Matters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Materials received</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Promised completion</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Materials still needed (all of them, listed at once)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bring the materials above to any comprehensive window; show this notice or its QR code and the case continues where it stopped.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Materials to supplement</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Supplement by</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The application is accepted on the applicant's commitment. If the materials are not supplemented by the date above, the case is closed without a decision.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The applicant may apply for administrative reconsideration or bring an administrative lawsuit according to law.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Collect the result</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>by courier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>at the window</source>
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
        <source>Date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Contact</source>
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
    <name>KeyRing</name>
    <message>
        <source>The key list is not valid JSON.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The public key of %1 is not a valid Ed25519 key.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot read the key list %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Window key "%1" is unknown here: the receipt cannot be checked (update the key list).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The signature does not match: this receipt was altered or forged.</source>
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
    <name>PdfRenderer</name>
    <message>
        <source>Cannot start the PDF.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Applicant's signature:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(Office seal)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Writing the PDF failed.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>QrMatrix</name>
    <message>
        <source>Nothing to put in the QR code.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The QR code cannot hold this text: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>QrPayload</name>
    <message>
        <source>This QR code is not a OneWindow receipt or notice.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The QR code is incomplete or has extra fields.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Field "%1" of the QR code is missing or malformed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown document kind "%1" in the QR code.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The date in the QR code is not valid.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The signature in the QR code is damaged.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The QR code is not in canonical form; it may have been altered.</source>
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
    <name>ReceiptDocument</name>
    <message>
        <source>Acceptance receipt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>One-time notice of missing materials</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Notice of conditional acceptance (materials to supplement)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Notice of non-acceptance</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The SQLite driver for Qt is missing (install libqt6sql6-sqlite).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot open the store %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not a OneWindow store or is damaged: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not a OneWindow store or is damaged.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The store %1 was written by a newer OneWindow (schema %2; this version knows up to %3). Update OneWindow; the store has not been changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot upgrade the store %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The store is busy or read-only: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saving failed: %1</source>
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
    <name>WindowKey</name>
    <message>
        <source>A key id uses only letters, digits, '-' and '_' (at most 32).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot generate the window's signing key (OpenSSL).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot read the window key %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The window key %1 is damaged.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot create the key folder %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write the window key %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signing failed (OpenSSL).</source>
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
