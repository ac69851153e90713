<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AccountSettings</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not valid JSON: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: idleLockMinutes is 1 to 240, not %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the back office&apos;s address (e.g. https://backoffice.example.gov.cn).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a back office address (https://host[:port]).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The back office address has no query or fragment: &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The back office %1 would be reached over plain http://, which anyone on the network can read and alter (passwords, applicants&apos; data). Use its https:// address; http:// is only for a back office on this computer (localhost, 127.0.0.1, ::1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApplicantPanel</name>
    <message>
        <source>Applicant (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal (F9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the full identity; every reveal is recorded in the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person (ID card or ID number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company (unified social credit code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID &amp;number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;ame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied for by an a&amp;gent (代办)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent&apos;s ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this applicant (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another applicant (Ctrl+Shift+A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several applicants: buyer and seller, both parents; each may have an agent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>Writing the audit log failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackOfficeLink</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a JSON object: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds a user and password: remove them (and change that password). The window syncs as the clerk who signs in; the file names only the back office&apos;s &quot;url&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;url&quot; must be the back office&apos;s http(s) address, e.g. https://10.0.0.5:8787.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BlobStore</name>
    <message>
        <source>Cannot create the folder %1 for scanned documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a document reference (SHA-256).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanned document %1 is missing from the store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanned document %1 is damaged in the store.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseLog</name>
    <message>
        <source>Entry %1 of case %2 cannot be read: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A log entry needs a case, a kind and a sequence number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case log cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 was changed elsewhere (entry %2 exists); open it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the case log failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the case log failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the outbox failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording the acknowledgement failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseNumbering</name>
    <message>
        <source>This window is not configured: a 6-digit region code and a window code without &apos;-&apos; are needed for case numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot take the next case number: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a day and a case number sequence: %1, %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot continue the case numbers of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseProgress</name>
    <message>
        <source>all departments done: hand out the result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 asks for: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected by %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>with %n department(s)</source>
        <translation>
            <numerusform>with %n department</numerusform>
            <numerusform>with %n departments</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 approved, %3 result(s) ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>held by the back office, not sent to the departments: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the back office&apos;s check of the catalogue gives other items than the window decided (only decided here: %1; only in its check: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>held by the back office, not sent to the departments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseRepository</name>
    <message>
        <source>Saving the case failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A case needs an id and a number before it is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the case failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case with id %1 in this store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case numbered %1 at this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeping catalogue %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue %1 this case was started with is not in the store.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseService</name>
    <message>
        <source>Case %1 is not decided yet: finish it on the intake screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decision of non-approval (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the result of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 was handed out already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 has not reached the departments yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 still waits for a supplement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) is not ready yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 has no open task %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark what the applicant brought first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A material taken in has no name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 has no applicant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 applied as the agent: scan the letter of authorisation for the collection too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not the applicant: an agent collects only with the applicant&apos;s letter of authorisation (scan it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the recipient and the address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the carrier and the tracking number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick what is given first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 has no item %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseState</name>
    <message>
        <source>Entry %1 belongs to another case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry %1 of case %2 follows entry %3: the log has a gap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 does not begin with &quot;started&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 is started twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The start of case %1 has no number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An answer without its question in case %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mark without its material in case %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown mark &quot;%1&quot; in case %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown entry kind &quot;%1&quot; in case %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case has no log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A count without its material or pieces in case %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A confirmation without its condition in case %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A scanned document without its material, hash or pages in case %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant %1 of case %2 has no identity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 is decided; it cannot be abandoned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 takes in a supplement before its decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 is handed out before its decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 was handed out already.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseTimeline</name>
    <message>
        <source>accepted: acceptance receipt issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted with 容缺: materials to supplement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one-time notice of missing materials issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not accepted: refusal notice issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>visit: the applicant came</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>visit: back with the one-time notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>visit: bringing a supplement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>visit: collecting the result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (decision letter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case started (ticket %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (ticket %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>document handed over as A4 PDF (copy %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>document printed on the receipt printer (copy %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>continued at Materials (visit %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (scanned, %n page(s))</source>
        <translation>
            <numerusform>%1 (scanned, %n page)</numerusform>
            <numerusform>%1 (scanned, %n pages)</numerusform>
        </translation>
    </message>
    <message>
        <source>supplement taken in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handed out to an agent with the authorisation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handed out to the applicant: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent by courier: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the applicant rated the service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>personal data shown in full: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left undecided: closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>received and confirmed by the back office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>back office</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>routed: %n item(s)</source>
        <translation>
            <numerusform>routed: %n item</numerusform>
            <numerusform>routed: %n items</numerusform>
        </translation>
    </message>
    <message>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asks for a supplement: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>result ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every item done: ready for hand-out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseTimelineDialog</name>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items at the departments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplements the applicant still has to bring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take in &amp;supplement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hand out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cases accepted at this window yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case number (or its beginning), or scan the QR code on a receipt or notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show and print again the document of the selected decided case</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <source>not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the catalogue must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;format&quot; must be &quot;onewindow-catalogue&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;formatVersion&quot; must be 1 (this program reads version 1 only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the catalogue has no matters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is required and must be a non-empty string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must hold non-empty strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a whole number from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be one of %2, not %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a condition string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;id&quot; must be lower-case letters, digits and &apos;-&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate department id &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;id&quot; must be letters, digits and &apos;_&apos;, not starting with a digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a reserved word of the condition language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate option &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a choice question needs at least two options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only choice questions have options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate question id &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate material id &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;code&quot; is required and must be a non-empty string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown department &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the promised limit (%1 working days) exceeds the statutory limit (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;fee&quot; must be a number of yuan, 0 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;result&quot; must be an object with &quot;type&quot; and &quot;name&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown material &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the material is listed twice in this matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a conditional material needs a &quot;when&quot; condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a required material has no &quot;when&quot;; make it conditional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only tolerable materials have &quot;supplementDays&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a matter done on the spot (promisedDays 0) cannot accept a missing material</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate matter code &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mode keep-original needs originals ≥ 1 and copies 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mode %1 needs copies ≥ 1 and originals 0 (a verified original is returned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mode original-and-copy needs originals ≥ 1 and copies ≥ 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown question &quot;%1&quot; in &quot;questions&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a bundle needs at least one item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown matter &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matter &quot;%1&quot; depends on question &quot;%2&quot;, which the bundle does not ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matter &quot;%1&quot; appears twice in the bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown shared material &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shared material &quot;%1&quot; is not needed by any item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate bundle id &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot read the catalogue: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown question &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question &quot;%1&quot; needs a number, not &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question &quot;%1&quot; needs yes or no, not &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question &quot;%1&quot; needs one of %2, not &quot;%3&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown question type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown material &quot;%1&quot; in &quot;produces&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the matter both needs and produces &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs &quot;%2&quot;, issued by &quot;%3&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;produces&quot; forms a cycle (%1): each matter would wait for the other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;perParty&quot; must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;fromParty&quot; must be age, gender, entityType, retirementCategory or retirementReached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a retirementCategory question is a choice of male, female-cadre and female-worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a retirementReached question is a yes-no question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate group id &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown group &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogCache</name>
    <message>
        <source>the cache is corrupt at byte %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the cache refers to an unknown entry &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the cache holds no matters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a catalogue cache file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written by another version of the program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>made for another catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncated or with bytes appended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its digest does not match its content (the file is damaged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the catalogue cache %1 was not usable (%2); it is rebuilt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the catalogue cache %1 cannot be read (%2); it is rebuilt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no catalogue cache for %1 yet; it is built</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the catalogue cache %1 cannot be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogueShelf</name>
    <message>
        <source>The catalogue from the back office has SHA-256 %1, not the announced %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>catalogue %1 from the back office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot keep the catalogue as %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot record the catalogue for new cases: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecklistEngine</name>
    <message>
        <source>The catalogue has no bundle &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a bundle or at least one matter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue has no matter &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>always part of this matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needed because %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>depends on: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>may be handed in later (容缺), within %1 working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needed because %1; may be handed in later (容缺), within %2 working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the original is needed; only a copy was received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no e-licence replaces this material</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not needed (condition not met: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirmed by the clerk not to hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the clerk found that it does not hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not met: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <source>Merged checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Material</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Originals / copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needed by, and why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected material in full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑↓ select a line (shown in full above) · O original · C copy · E e-licence · Del not received</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Condition</name>
    <message>
        <source>column 1: the condition is longer than %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected &apos;%1&apos; after the end of the condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unterminated text literal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the condition is nested more than %1 levels deep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the condition ends too early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing &apos;)&apos; for the &apos;(&apos; at column %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a question, &apos;not&apos; or &apos;(&apos; but found &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a question but found the keyword &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown question &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;in&apos; after &apos;not&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;in&apos; does not apply to the yes-no question &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;[&apos; after &apos;in&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;]&apos; in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs a number question, but &apos;%2&apos; is a %3 question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a yes-no question; compare it with an operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected character &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type mismatch: &apos;%1&apos; is a number question but &apos;%2&apos; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type mismatch: &apos;%1&apos; is a choice question; quote an option value instead of &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an option of the question &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type mismatch: &apos;%1&apos; is a yes-no question; compare it with true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>always</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is none of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2, which is excluded (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2, not one of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2, below %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2, not above %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2, above %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2, not below %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2, not %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoverSheets</name>
    <message>
        <source>The cover-sheet rules are not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cover-sheet &quot;prefix&quot; must be text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cover-sheet code &quot;%1&quot; names no valid material.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreditCode</name>
    <message>
        <source>A unified social credit code has 18 characters; this one has %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Character %1 (&quot;%2&quot;) cannot appear in a credit code (I, O, Z, S and V are never used).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Characters 3 to 8 of a credit code are the region code and must be digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This credit code does not pass the check character test: one of its characters was mistyped, and the check cannot tell which. Compare it character by character with the business licence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organisation code %1 inside this credit code does not pass its check: one of its characters was mistyped. Compare the code character by character with the business licence.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeviceStatusWidget</name>
    <message>
        <source>Demo card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put a demo card on the simulated card reader</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentBuilder</name>
    <message numerus="yes">
        <source>original verified and returned; %n copy(ies) kept</source>
        <translation>
            <numerusform>original verified and returned; %n copy kept</numerusform>
            <numerusform>original verified and returned; %n copies kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>bring %n original(s)</source>
        <translation>
            <numerusform>bring %n original</numerusform>
            <numerusform>bring %n originals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>bring %n copy(ies)</source>
        <translation>
            <numerusform>bring %n copy</numerusform>
            <numerusform>bring %n copies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>bring the original (it is returned) and %n copy(ies)</source>
        <translation>
            <numerusform>bring the original (it is returned) and %n copy</numerusform>
            <numerusform>bring the original (it is returned) and %n copies</numerusform>
        </translation>
    </message>
    <message>
        <source>bring %1 original(s) and %2 copy(ies)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case has no applicant or no checklist yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A refusal needs its reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>issued within this matter by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e-licence %1 pulled; no paper needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n original(s) received</source>
        <translation>
            <numerusform>%n original received</numerusform>
            <numerusform>%n originals received</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies) received</source>
        <translation>
            <numerusform>%n copy received</numerusform>
            <numerusform>%n copies received</numerusform>
        </translation>
    </message>
    <message>
        <source>received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue allows up to %1 working days; the deadline is brought forward to %2 working day(s) because %3 promises its result within that time and the materials must be in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>or allow the window to pull the e-licence %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents cannot be written in &quot;%1&quot;; set the window&apos;s document language to zh_CN or en.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentLayout</name>
    <message>
        <source>Accepted offline: provisional until confirmed by the back office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promised completion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials still needed (all of them, listed at once)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring the materials above to any comprehensive window; show this notice or its QR code and the case continues where it stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials to supplement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplement by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The application is accepted on the applicant&apos;s commitment. If the materials are not supplemented by the date above, the case is closed without a decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The applicant may apply for administrative reconsideration or bring an administrative lawsuit according to law.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collect the result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by courier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand in by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acceptance conditions confirmed by the clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity document</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <source>Receipt as printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A4 document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print receipt (F10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print A4…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done, next applicant (F12)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EscPosReceipt</name>
    <message>
        <source>Scan to check this document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant&apos;s signature:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collector&apos;s signature:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileModes</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot make the folder %1 private (mode 0700).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot make the file %1 private (mode 0600).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HallDisplay</name>
    <message>
        <source>Latest calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Called at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HallTicketSlip</name>
    <message>
        <source>Priority: elderly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority: disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority: pregnant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority: military</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return for case %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoutDialog</name>
    <message>
        <source>Hand out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the &amp;window (统一出件)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By &amp;courier (邮寄送达)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick what is given:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who collects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recipient:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Carrier:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tracking number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hand out and print the slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoutSlip</name>
    <message>
        <source>Hand-out slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatch slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored slip has an unknown format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored slip has an unknown kind &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored slip has an unknown specimen mark &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored slip is incomplete (case or issue time missing).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdNumber</name>
    <message>
        <source>A 15-digit ID number may contain digits only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An ID number has 18 characters (or 15 for old cards); this one has %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first 17 characters of an ID number must be digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last character of an ID number must be a digit or X.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a known region code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date %1 in this ID number does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date %1 in this ID number is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This ID number does not pass the check digit test: one of its characters was mistyped, and the check cannot tell which. Compare it digit by digit with the card.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdentityPanel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nation / nationality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <source>Place demo card (F11)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue a case (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan or paste the QR code of a one-time notice to continue the same case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New case (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the result by courier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept with 容缺 (F6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-time notice (F7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuse (F8)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyRing</name>
    <message>
        <source>The key list is not valid JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The public key of %1 is not a valid Ed25519 key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the key list %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window key &quot;%1&quot; is unknown here: the receipt cannot be checked (update the key list).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature does not match: this receipt was altered or forged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The revoked key of %1 in the key list is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window key &quot;%1&quot; was revoked on %2 and this receipt is dated %3: it is not genuine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rating key in the key list is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Please choose your service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without ID card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coming back with a notice or receipt? Hold its QR code under the scanner.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LicenceQr</name>
    <message>
        <source>This is not a business licence code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This code holds no valid unified social credit code (GB 32100).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>This window is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>OneWindow — comprehensive acceptance window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About OneWindow</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MaterialPages</name>
    <message>
        <source>No pages have been scanned for this material.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatterSearchPanel</name>
    <message>
        <source>Matter (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, pinyin initials (kcg = 开餐馆), pinyin or code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfflineVerifier</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No random numbers for the offline sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offline sign-in could not be prepared (PBKDF2 failed).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewCsv</name>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average wait (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P90 wait (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average handling (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted with tolerance (容缺)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-time notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases with a result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done in at most one visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share done in one visit (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All windows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PageImporter</name>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large (%2 MB) to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty (0 bytes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a supported file (JPEG, PNG, TIFF or PDF are accepted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be imported: no room for a temporary copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a damaged JPEG file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is cut short (an incomplete JPEG file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged or not a readable image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has more than %2 pages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large to import (%2 × %3 pixels).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged or not a readable image (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a damaged PDF file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a PDF file without pages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2 is too large to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a PDF file, and PDF files cannot be imported here: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF support is not loaded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Party</name>
    <message>
        <source>The applicant&apos;s name is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The company&apos;s name is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A permanent residence permit number has 3 letters and 12 digits; &quot;%1&quot; does not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident ID card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foreigner&apos;s permanent residence ID card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Residence permit for Hong Kong, Macao and Taiwan residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid from %1, long-term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid long-term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (valid until %2, expired)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (valid only from %2, not yet valid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bring a valid resident ID card, or a temporary resident ID card (临时居民身份证) issued by the police station of the household registration while the new card is being made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bring the renewed foreigner&apos;s permanent residence ID card, or the acceptance receipt for its renewal from the exit-entry administration together with a valid passport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bring the renewed residence permit, or a valid Mainland travel permit for Hong Kong and Macao residents / for Taiwan residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bring a valid identity document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>identity document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 of %2 expired on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 of %2 is valid only from %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfAssembler</name>
    <message>
        <source>There are no pages to put into a PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first page has a size a PDF cannot hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 has no picture.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfPlugin</name>
    <message>
        <source>The PDF viewer cannot be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF viewer %1 does not fit this version of OneWindow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF viewer is not installed (looked for %1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfRenderer</name>
    <message>
        <source>Cannot start the PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant&apos;s signature:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(Office seal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the PDF failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · page %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collector&apos;s signature:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfTextLayer</name>
    <message>
        <source>A ToUnicode map of the PDF is not closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A ToUnicode map of the PDF has a code that is not 4 hex digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A ToUnicode map of the PDF is not as expected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A ToUnicode range of the PDF cannot be corrected in place.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinyinTable</name>
    <message>
        <source>pinyin table line %1: expected &quot;syllable&lt;TAB&gt;characters&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pinyin table line %1: &apos;%2&apos; is not a CJK unified ideograph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pinyin word list line %1: expected the word and one syllable per character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the embedded pinyin table is missing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut</source>
        <comment>All other platforms</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QrMatrix</name>
    <message>
        <source>Nothing to put in the QR code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The QR code cannot hold this text: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QrPayload</name>
    <message>
        <source>This QR code is not a OneWindow receipt or notice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The QR code is incomplete or has extra fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field &quot;%1&quot; of the QR code is missing or malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown document kind &quot;%1&quot; in the QR code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date in the QR code is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature in the QR code is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The QR code is not in canonical form; it may have been altered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This QR code is of the first OneWindow format, which does not cover the whole document; look the case up by its number instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document digest in the QR code is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionsPanel</name>
    <message>
        <source>Situation questions (F4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No questions: the matter applies as it is.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No one is waiting at this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At this window</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rating</name>
    <message>
        <source>I&apos;d rather not rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fairly satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very dissatisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service efficiency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service competence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service attitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The matter&apos;s guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rating is of an unknown service &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rating has an unknown level &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rating has an unknown reason &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a bad rating gives reasons or text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rating is incomplete (case or time missing).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RatingPrompt</name>
    <message>
        <source>Please rate our service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was not good? (choose any)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell us more (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&apos;d rather not rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RatingSeal</name>
    <message>
        <source>No random bytes for a rating key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rating key cannot be made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rating key is not an X25519 key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The back office&apos;s rating key is not an X25519 key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key could be made to seal the rating.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rating could not be sealed (key agreement failed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No random bytes to seal the rating.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rating could not be sealed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a sealed rating.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rating is sealed to key %1, not to this back office&apos;s key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sealed rating is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sealed rating does not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sealed rating does not open: altered, or not of this case and service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sealed rating is not a rating.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sealed rating is of another case or service.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptDocument</name>
    <message>
        <source>Acceptance receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-time notice of missing materials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice of conditional acceptance (materials to supplement)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice of non-acceptance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored document has an unknown format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored document has an unknown kind &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored document is incomplete (case or issue time missing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SAMPLE — not a valid document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DEMO — not a valid document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored document has an unknown specimen mark &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provisional acceptance receipt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReplyMessage</name>
    <message>
        <source>The back office at %1 refused the connection (is it running?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The back office&apos;s host %1 was not found (check the address and the network).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The back office at %1 did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection to %1 failed (certificate not trusted or TLS error): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No network connection to the back office at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The back office at %1 could not be reached: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The back office answered %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The back office answered %1 unexpectedly.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SaneSession</name>
    <message>
        <source>the scanner has no setting &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number for &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be set to &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no paper in the document feeder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper jam in the scanner. Clear it, then scan the remaining pages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanner&apos;s cover is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanner is busy (another program may be using it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access to the scanner was denied (check the udev rule or sign in again).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanner stopped answering (unplugged or switched off?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough memory to scan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scan was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanner reported an error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanner library (SANE) cannot be started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scanner found. Check that it is plugged in and switched on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scanner &quot;%1&quot; found. Check that it is plugged in and switched on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This scanner has no document feeder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanner cannot be set up: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanner stopped sending data (timed out).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanner sent a page this program cannot read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page is too large to scan at %1 dpi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanner sent an empty page.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScanPanel</name>
    <message>
        <source>Pages of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Material the pages belong to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flatbed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document feeder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanned pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ Earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the page earlier (Ctrl+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the page later (Ctrl+Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⟲ Turn left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn the page a quarter to the left ([)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn right ⟳</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn the page a quarter to the right (])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the page (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Attach to the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview: + / − zoom · 0 fit the width · Page Up / Page Down turn the page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview of the material&apos;s PDF</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sealer</name>
    <message>
        <source>The data key %1 is damaged (expected %2 bytes, found %3). Restore it from the backup; without it the personal data in the store cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the data key %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot make the data key: the system&apos;s random source failed (OpenSSL).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the data key in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the data key %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the data key %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data key is not usable (wrong size).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sealing failed (OpenSSL).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sealed value is too short (%1 bytes, at least %2): the store is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sealed value has an unknown format (version %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening a sealed value failed (OpenSSL).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sealed value does not open: it was altered, belongs elsewhere, or the data key is not the one it was sealed with.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlipLayout</name>
    <message>
        <source>SAMPLE — not a valid document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DEMO — not a valid document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collected by (agent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The applicant&apos;s letter of authorisation was taken in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collected by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the applicant in person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decision letter: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>result: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits until the result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 (at most one visit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationQueueJournal</name>
    <message>
        <source>The day&apos;s %1 tickets are all taken (999).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such ticket.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>The SQLite driver for Qt is missing (install libqt6sql6-sqlite).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the store %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a OneWindow store or is damaged: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a OneWindow store or is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store %1 was written by a newer OneWindow (schema %2; this version knows up to %3). Update OneWindow; the store has not been changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot upgrade the store %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store is busy or read-only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the store %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown synchronous mode %1 (FULL, NORMAL or EXTRA).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store %1 is busy (another program holds it): %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreLock</name>
    <message>
        <source>Another OneWindow is already using the store in %1: process %2 (%3) on %4. Close that one first; two clients on one store would overwrite each other&apos;s cases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another OneWindow is already using the store in %1 (lock file %2). Close that one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot lock the store in %1 (%2): check the folder&apos;s permissions.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupervisorChartsPlugin</name>
    <message>
        <source>The charts cannot be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not fit this version of OneWindow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The charts are not installed (looked for %1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupervisorOverview</name>
    <message>
        <source>The back office&apos;s overview is not understood (%1.%2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupervisorPage</name>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily report PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Near</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To bring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avg wait (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P90 wait (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avg handling (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>容缺</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rectify by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call-back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uphold the rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous windows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next windows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupervisorReport</name>
    <message>
        <source>Page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very dissatisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not called back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unresolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor&apos;s daily report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start the PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period: %1 · as of %2 · printed by %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets called: %1; average wait %2 min, 90% of them waited at most %3 min; average handling %4 min.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted %1, accepted with tolerance (容缺) %2, one-time notices %3, refused %4; done in at most one visit: %5 of %6 cases (%7).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items past their promised date: %1; due within 2 working days: %2; supplements overdue: %3; bad ratings: %4; appeals to decide: %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avg wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P90 wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avg handling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>容缺</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes per window (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes per clerk (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases near or past their promised date</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s) late</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s) left</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>None.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplements overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To bring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad ratings and rectification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appealed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rectify by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call-back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appeal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor&apos;s signature: ____________________</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the PDF failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupplementDialog</name>
    <message>
        <source>Take in a supplement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Received as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Take in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tas&amp;k:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncJournal</name>
    <message>
        <source>An event from the back office names no case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording a sync conflict failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applying an event from the back office failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storing the events cursor failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording the acknowledgement failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the sync journal failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Sync with the back office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the pending cases, the errors and the conflicts as text, e.g. for the back office administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TicketSlip</name>
    <message>
        <source>The ticket has no number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are next</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n waiting ahead of you</source>
        <translation>
            <numerusform>%n person waiting ahead of you</numerusform>
            <numerusform>%n people waiting ahead of you</numerusform>
        </translation>
    </message>
    <message>
        <source>Taken at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan to follow the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please wait for your number to be called.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A missed call can be recalled; keep this ticket.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tool</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials (each once):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why each material is needed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(one set shared by all items)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(e-licence: %1, used)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(e-licence: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>issued within this bundle by %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shortfall: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how to supply: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supplement by %1 (%2 working days allowed, capped by the promised time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supplement by %1 (%2 working days allowed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not confirmed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To confirm: %1 %2: %3 [%4]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tolerated (容缺): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplement within %1 working days, by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unanswered: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not acceptable: %1 %2: %3 [%4]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot render %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrustedKeys</name>
    <message>
        <source>The back office&apos;s key ring is not a key list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The back office&apos;s key ring has a damaged key for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <source>Walk-in ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A ticket for the applicant at the window. A notice or receipt QR scanned here makes it a return ticket for that case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;QR of a notice or receipt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan it (optional)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowIdentityDialog</name>
    <message>
        <source>Set up this window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer is not set up as a window yet. Case numbers and the receipt key are made from the region code and the window code, so enter them as your service centre assigned them. They are set once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Region code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6 digits, e.g. 330106</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Window code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. W03</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back office &amp;address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. https://backoffice.example.gov.cn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as on the administrator&apos;s note, e.g. 330106-W03</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enrolment code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This window works without a back office: enter its identity by hand</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowKey</name>
    <message>
        <source>A key id uses only letters, digits, &apos;-&apos; and &apos;_&apos; (at most 32).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot generate the window&apos;s signing key (OpenSSL).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the window key %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window key %1 is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the key folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the window key %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing failed (OpenSSL).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowSettings</name>
    <message>
        <source>The region code is the 6-digit administrative division of the centre (e.g. 330106), not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window code is 1 to 8 letters and digits starting with a letter (e.g. W03), not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window codes starting with DEMO are reserved for demo and sample receipts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window needs a name (e.g. 综合窗口 3); it is printed on every receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window name is too long (at most 40 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the window identity %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window identity %1 is damaged; set it again with onewindow-tool window set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window identity %1 is not valid: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This window is already %1-%2 (%3). Its case numbers and receipt key depend on it; change it only on purpose (--replace).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the window identity %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document language &quot;%1&quot; in %2 is not one OneWindow writes documents in (zh_CN, en).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneWindow writes documents in zh_CN or en, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the window identity first (onewindow-tool window set --region … --code … --name …).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkCalendar</name>
    <message>
        <source>The calendar is not valid JSON at offset %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calendar must be a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calendar has no valid &quot;year&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holiday %1 of %2 needs a name and valid &quot;from&quot; ≤ &quot;to&quot; dates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holiday &quot;%1&quot; lies outside %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make-up workday %1 of %2 has no valid &quot;date&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is listed both as a holiday and as a make-up workday.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calendar tables found in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Comprehensive window 1 (demo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The work calendar could not be loaded; deadlines count weekends only.
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xihu District Administrative Service Centre (demo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneWindow cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This window has no identity yet (region code, window code, name): set it once with
  onewindow-tool window set --region NNNNNN --code CODE --name NAME --data-dir %1
or start OneWindow on a screen to enter it. (onewindow --demo runs without one.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a back office address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue %1 has arrived from the back office: new cases use it from the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--ticket-prefix takes one capital letter A–Z.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::account::Enrolment</name>
    <message>
        <source>The window is given as region-code, as the administrator&apos;s note prints it (e.g. 330106-W03), not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the enrolment code the administrator gave you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The back office does not know this enrolment code; check it (letters and digits, no 0/O/1/I) or ask the administrator for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This enrolment code was already used; ask the administrator for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This enrolment code has expired; ask the administrator for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This enrolment code is for another window than %1; check the window on the administrator&apos;s note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window %1 is already enrolled with another key; the administrator revokes that key before this computer can enrol.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This window&apos;s key was revoked; remove %1 and enrol again with a new code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The back office&apos;s answer does not name window %1; nothing was stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window key could not be moved into %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::account::SignIn</name>
    <message numerus="yes">
        <source>Wrong name or password; try again in %n s.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong passwords; try again in %n s.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has not signed in at this window while the back office was reachable, so there is nothing to check the password against offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2 has not signed in at this window online yet; the first sign-in needs the back office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your name and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This window has no back office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 works at window %2, not at this one (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 account does not sign in at a window.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::idcard::CardDecoder</name>
    <message>
        <source>The text block has %1 bytes; a card&apos;s text block has %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown card type mark U+%1 at offset 248.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card&apos;s text block holds no ID number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The read answer is too short (%1 bytes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The read answer&apos;s lengths (text %1, photo %2) do not add up to its %3 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo has %1 bytes instead of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fingerprint block has %1 bytes instead of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reader answered SW3 0x%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The %1 on the card held %n control or text-direction character(s); they were removed. Check the card against the holder.</source>
        <translation>
            <numerusform>The %1 on the card held %n control or text-direction character; it was removed. Check the card against the holder.</numerusform>
            <numerusform>The %1 on the card held %n control or text-direction characters; they were removed. Check the card against the holder.</numerusform>
        </translation>
    </message>
    <message>
        <source>The %1 on the card is not a real date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start of validity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end of validity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permit number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nationality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>card version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepting-authority code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>renewal count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>issuing authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pass number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>issue count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card&apos;s permit number is not 3 letters and 12 digits: the card is damaged or not genuine. Do not accept it; ask for another document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card&apos;s ID number fails the GB 11643 check: %1 The card is damaged or not genuine; do not accept it, ask for another document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date on the card differs from the one in its ID number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gender on the card differs from the one in its ID number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card holds no valid birth date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date on the card is after the card&apos;s issue date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card&apos;s validity cannot be read: check the dates printed on the card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card&apos;s validity ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::idcard::IdCardReader</name>
    <message>
        <source>No card reader is connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>card reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card reader sent an incomplete answer. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card reader&apos;s answer was damaged. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card could not be decoded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::idcard::SamCodec</name>
    <message numerus="yes">
        <source>The frame is too short: %n byte(s), the header alone needs 7.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The frame does not start with the preamble AA AA AA 96 69.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The length field (%1) is too small for a frame.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The frame is truncated: the length field announces %1 bytes, %2 arrived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The frame has %1 byte(s) after its end (the length field announces %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad checksum: the frame says %1, the bytes give %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card has no such item (e.g. no appended address or fingerprint).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reader received a frame with a bad checksum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reader received a frame with a bad length.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reader did not accept the command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reader refused an unauthorised operation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reader reported an unknown error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card could not authenticate the reader&apos;s security module.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reader&apos;s security module could not authenticate the card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card&apos;s information failed verification.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card type is not recognised. Is it a second-generation ID card?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the card failed. Hold the card still on the reader and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reader could not get a random number from the card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reader&apos;s security module failed its self-test; the reader needs service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reader&apos;s security module is not authorised; the reader needs service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No card on the reader.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selecting the card failed. Place the card flat on the reader and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reader answered with unknown status %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::idcard::WltDecoder</name>
    <message>
        <source>No licensed photo decoder is installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card&apos;s photo was not read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::intake::IntakeWorkflow</name>
    <message>
        <source>Power of attorney (授权委托书)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed by the applicant (sealed by the company), with the agent&apos;s identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an agent applies on the applicant&apos;s behalf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the original is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no unfinished case at this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 was not closed with a one-time notice; it cannot be continued here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case is already decided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent and the applicant are the same person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue has no question &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not on this case&apos;s checklist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identify the applicant first: read the ID card or type the ID number or credit code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a matter or a one-matter bundle first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer these questions first: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose what to do with the case: accept, notice or refuse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case is done. Start a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no step to go back to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing and finishing follow a decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some questions are still unanswered; nothing can be decided yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The verdict does not allow this decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide the case before finishing it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 cannot be read back from its log: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>catalogue %1 of case %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide the case before printing its document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case already uses the loaded catalogue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identify the applicant before the agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pickup is printed on the decided document; it cannot change now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &quot;%1&quot; as received before recording how many pieces came.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of pieces must be between 1 and 99.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an acceptance condition of this case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm this acceptance condition first: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An acceptance condition is not confirmed yet; nothing can be decided yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanned document reference is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already an applicant of this case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identify the first applicant first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no applicant %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first applicant cannot be removed; change it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no e-licence: mark the original (O) or a copy (C).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot accept: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the identity is checked on a valid document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agent %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the applicant is %1, at or past the statutory retirement age (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the applicant is %1, short of the statutory retirement age (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 years 1 month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 years %2 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 was abandoned; it cannot be continued. Start a new case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 is decided and its document issued; it cannot be abandoned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 is closed already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This change cannot be logged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 is not decided yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a service after the decision.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::printer::EscPosDocument</name>
    <message>
        <source>The QR code is too large for %1-dot paper.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An empty image cannot be printed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::printer::PrintJob</name>
    <message>
        <source>Sent %1 of %2 parts (%3 of %4 bytes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer did not answer the status request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the printer status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing stopped part-way: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt was sent, but the printer status afterwards is unknown: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::printer::PrinterStatus</name>
    <message>
        <source>The printer answered DLE EOT %1 with 0x%2, which is not a status byte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer cover is open. Close it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer is out of paper. Load a new roll.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer reports an error (cutter jam or overheating). Check it and switch it off and on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer is offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The paper roll is nearly used up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::printer::QrRaster</name>
    <message>
        <source>A QR code needs content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The QR content has %1 bytes; at most %2 fit at this error correction level.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The QR code could not be drawn: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The QR code could not be drawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The QR module size must be 1 to 16 dots, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::printer::ReceiptPrinter</name>
    <message>
        <source>The receipt printer cannot report its status (no IN endpoint).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No receipt printer is connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receipt printer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::queue::Category</name>
    <message>
        <source>A category needs a code and a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A category&apos;s letter is one capital letter A–Z.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::queue::HallSettings</name>
    <message>
        <source>The hall setting %1 must be a whole number from %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::queue::QueueRules</name>
    <message>
        <source>The ticket is not waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticket was transferred to another window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a ticket called at this window can be called again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too soon to call the ticket again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a ticket called at this window can be marked as not present.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticket has not been called often enough to be marked as not present.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a ticket called at this window can be served.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a ticket called or served at this window can be parked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a ticket parked at this window can be resumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a ticket called or served at this window can be finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a ticket at this window can be transferred.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer to either a window or a category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticket is at this window already.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::queue::QueueSnapshot</name>
    <message>
        <source>A list of tickets is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A call does not read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queue&apos;s hall or time is missing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::queue::Ticket</name>
    <message>
        <source>Unknown ticket source: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown priority: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown ticket state: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticket&apos;s field %1 is missing or does not read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::scanner::BarcodeScanner</name>
    <message>
        <source>No barcode scanner is connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>barcode scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The barcode scanner did not switch to HID POS mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The barcode scanner sent a report that could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::scanner::HidPosReportDecoder</name>
    <message>
        <source>An empty HID POS report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A HID POS scanned-data report has %1 bytes, expected %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A HID POS report claims %1 data bytes; at most %2 fit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A scan is longer than %1 bytes; dropped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::scanner::KeyboardReportDecoder</name>
    <message>
        <source>A keyboard report has %1 bytes, expected %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::sync::BackOfficeCalls</name>
    <message>
        <source>The back office cannot be reached: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The back office refused the sign-in of %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The back office answered %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::sync::KeyRingFollower</name>
    <message>
        <source>The back office answered %1 for its key ring.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::sync::LocalQueueService</name>
    <message>
        <source>The station&apos;s queue could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A station&apos;s ticket stays at the station: transfer it to another category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The station has no category %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The station has no case %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::sync::RemoteQueueService</name>
    <message>
        <source>The back office cannot be reached: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The back office refused the sign-in of %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The back office answered %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::sync::SyncEngine</name>
    <message>
        <source>The back office did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The back office cannot be reached (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The back office answered %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The back office answered %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The back office refused the sign-in of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The back office takes no file this large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The back office does not take scanned documents (no uploads).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync with the back office has not started (no clerk signed in to it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The back office did not acknowledge the case in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The back office does not hold the whole case.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::ApplicantPanel</name>
    <message>
        <source>resident ID card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hong Kong residence permit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Macao residence permit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taiwan residence permit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>foreigner permanent residence card</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n more character(s) to go.</source>
        <translation>
            <numerusform>%n more character to go.</numerusform>
            <numerusform>%n more characters to go.</numerusform>
        </translation>
    </message>
    <message>
        <source>Valid credit code · region %1 · organisation code %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid %1 · born %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(upgraded from the 15-digit number to %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit &amp;code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID &amp;number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company n&amp;ame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;ame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the business licence QR code, or type the code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place the ID card on the reader, or type the number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No applicant yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another applicant: read their card or type their number and name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent&apos;s card was read. Now type the applicant&apos;s ID number and name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::CaseListModel</name>
    <message>
        <source>accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted with 容缺</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one-time notice issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in progress (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promised by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent, awaiting confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>provisional receipt · waiting to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>provisional receipt · sent, awaiting confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Departments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>abandoned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent by courier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits until the result; after a +, visits to collect it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::CaseTimelineDialog</name>
    <message>
        <source>with the department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asks for a supplement: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supplement taken in, with the department again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved, result being prepared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>result ready: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent by courier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue or the local store is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> and %n more</numerusform>
            <numerusform> and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>at most one visit: met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most one visit: not met</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The applicant came %n time(s) until the result (%1)</source>
        <translation>
            <numerusform>The applicant came %n time until the result (%1)</numerusform>
            <numerusform>The applicant came %n times until the result (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; collected in person (%n pickup visit(s))</source>
        <translation>
            <numerusform>; collected in person (%n pickup visit)</numerusform>
            <numerusform>; collected in person (%n pickup visits)</numerusform>
        </translation>
    </message>
    <message>
        <source>; sent by courier: no pickup visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>容缺 (accepted on commitment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to bring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window or department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 has no supplement to take in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplement taken in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. Ready for hand-out (待出件).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::CasesPage</name>
    <message>
        <source>Select a case first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 is not decided yet: there is no document to print again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue or the local store is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprint · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No receipt printer: print the A4 document instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1: the document is shown again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This QR code is refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 found by its QR code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 is not decided yet: continue it on the intake screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take in &amp;supplement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hand out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local store is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 is not decided yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 has no supplement to take in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::ChecklistPanel</name>
    <message>
        <source>✔ received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ e-licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… later (容缺)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n original(s)</source>
        <translation>
            <numerusform>%n original</numerusform>
            <numerusform>%n originals</numerusform>
        </translation>
    </message>
    <message>
        <source>show original</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies)</source>
        <translation>
            <numerusform>%n copy</numerusform>
            <numerusform>%n copies</numerusform>
        </translation>
    </message>
    <message>
        <source>e-licence: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a matter to see its checklist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to get it: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete: every material is here. Accept the case (F5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acceptable with 容缺: %1 may follow by %2. Accept with 容缺 (F6) or issue a notice (F7).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Incomplete: %n material(s) missing (%1). Issue the one-time notice (F7).</source>
        <translation>
            <numerusform>Incomplete: %n material missing (%1). Issue the one-time notice (F7).</numerusform>
            <numerusform>Incomplete: %n materials missing (%1). Issue the one-time notice (F7).</numerusform>
        </translation>
    </message>
    <message>
        <source>Not acceptable: %1. Refuse with the reason (F8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer first: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>✔ %n originals</source>
        <translation>
            <numerusform>✔ %n original</numerusform>
            <numerusform>✔ %n originals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✔ %n copies</source>
        <translation>
            <numerusform>✔ %n copy</numerusform>
            <numerusform>✔ %n copies</numerusform>
        </translation>
    </message>
    <message>
        <source>✔ issued by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot accept: %1. Ask for a valid document; issue a notice (F7) or refuse (F8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) not applicable</source>
        <translation>
            <numerusform>%n item not applicable</numerusform>
            <numerusform>%n items not applicable</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more (✘ in the table)</source>
        <translation>
            <numerusform>%1 and %n more (✘ in the table)</numerusform>
            <numerusform>%1 and %n more (✘ in the table)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ow::ui::CounterDevices</name>
    <message>
        <source>The receipt was printed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::DemoMenu</name>
    <message>
        <source>&amp;Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put a demo card on the reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the demo business licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the QR of a notice or receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card reader plugged in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt printer plugged in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper in the printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer cover closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foreigner permanent residence card (2017)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foreigner permanent residence card (2023)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hong Kong/Macao/Taiwan residence permit (expired)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the card off the reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no store)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no notice or receipt yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident ID card (man)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident ID card (woman, long-term)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident ID card (expired)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hong Kong/Macao/Taiwan residence permit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acceptance receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one-time notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>容缺 notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>non-acceptance notice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::DeviceStatusWidget</name>
    <message>
        <source>Card reader: ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card reader: reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card reader: not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card reader: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt printer: ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt printer: printing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt printer: not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt printer: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::DocumentView</name>
    <message>
        <source>Save the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::HallDisplay</name>
    <message>
        <source>Number %1, please go to window %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please wait for your number to be called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Not connected to the queue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sound: calls are shown only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Mandarin voice is installed: a chime announces each call (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::HandoutDialog</name>
    <message>
        <source>Case %1: hand out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SF Express</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>China Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): decision letter — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter of authorisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dispatch and print the slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hand out and print the slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card was read, but its number is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the collector&apos;s ID card on the reader.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2: the applicant in person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 collects for the applicant: scan the letter of authorisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 collects for the applicant; the letter of authorisation is scanned (%n page(s)).</source>
        <translation>
            <numerusform>%1 %2 collects for the applicant; the letter of authorisation is scanned (%n page).</numerusform>
            <numerusform>%1 %2 collects for the applicant; the letter of authorisation is scanned (%n pages).</numerusform>
        </translation>
    </message>
    <message>
        <source>Read the collector&apos;s ID card first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No receipt printer: print the A4 slip instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::IdentityPanel</name>
    <message>
        <source>Resident ID card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foreigner permanent residence card (2017)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foreigner permanent residence card (2023)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hong Kong/Macao/Taiwan residence permit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place the ID card on the reader.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>card taken off the reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appended address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – long-term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass number %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued %1 time(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card expired on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo (needs the licensed decoder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revealing is not available here: it cannot be recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not revealed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>United States</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canada</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Australia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Germany</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>France</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Japan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>South Korea</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Russia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Singapore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malaysia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Italy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Zealand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pakistan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>India</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brazil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepting-authority code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card is valid only from %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::IntakePage</name>
    <message>
        <source>Identify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Situation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continued the unfinished case %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue or the local store is not available: intake is disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 is done. Next applicant, please.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New case %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full identity of the applicant shown on screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for not accepting:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A refusal needs its reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No receipt printer: hand over the A4 document instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue a case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 continues (visit %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card was read, but its number is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card expired on %1: ask for a valid document before accepting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID card read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A demo card was placed on the simulated reader.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt cannot be printed: %1 Hand over the A4 document, or print again (F10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 now follows catalogue %2; check its checklist again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 follows catalogue %2; catalogue %3 is loaded now. Ctrl+U moves the case to it (its checklist may change).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the clerk pressed F9 to check the identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirm &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company applicant %1 taken from the business licence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the catalogue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no local store to record the reveal in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full identity on the ID card shown on screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the clerk asked to see the card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant %1 added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 is not decided yet: decide it (F5–F8) before finishing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card is valid only from %1: ask for a valid document before accepting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the QR code of the notice, or type the case number from the slip:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business licence scanned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanned code is not a notice, a receipt or a business licence: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card was read with warnings: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 is not decided. Leave it? It is closed as abandoned and cannot be continued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 of %2 is not decided. Leave it? It is closed as abandoned and cannot be continued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the case?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 stays open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue a notice of non-acceptance (不予受理通知书) for case %1?

Reason: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notice of non-acceptance was issued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync did not answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirming with the back office…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The back office did not acknowledge the case (%1): the document is provisional.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Provisional receipt: valid once the back office confirms the case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1: the applicant is back for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing to take in or hand out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It has no supplement to take in and nothing to hand out: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intake is not ready yet (the catalogue is loading).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 is still open at this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 begins with ticket %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::KioskWindow</name>
    <message>
        <source>No ticket can be issued right now: %1 Please ask the staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1
%n waiting</source>
        <translation>
            <numerusform>%1
%n waiting</numerusform>
            <numerusform>%1
%n waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>No service takes tickets here right now. Please ask the staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuing your ticket…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n waiting ahead of you.</source>
        <translation>
            <numerusform>%n person waiting ahead of you.</numerusform>
            <numerusform>%n people waiting ahead of you.</numerusform>
        </translation>
    </message>
    <message>
        <source>The ticket printer is not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing your ticket…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please take your ticket and wait for your number to be called.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticket could not be printed: %1
Your number is %2 and it is in the queue. Please note it, or ask the staff and print again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aged %1 or over? Put your ID card on the reader before choosing, to go ahead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID card read (aged %1): your ticket goes ahead as elderly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID card read: choose your service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticket printer is out of order (%1): your number will be shown on screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for your appointment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No appointment today for this ID card. Choose your service: your ticket goes ahead as elderly (aged %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No appointment today for this ID card: choose your service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not the QR code of a notice or receipt of this centre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuing the return ticket for your case %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This QR code cannot be used: %1
No ticket was issued. Please ask the staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your case %1: please wait for your number to be called.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::LockScreen</name>
    <message>
        <source>Signed in: %1. Enter your password to continue; the open case is kept as it is.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::MainWindow</name>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo mode: simulated devices, demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No window assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About OneWindow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;OneWindow %1&lt;/h3&gt;&lt;p&gt;The comprehensive acceptance window: one set of materials, one window, at most one visit.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window: %1 · clerk %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intake, hand-out and the queue are for clerk and station accounts; %1 signed in as %2. Administrators set windows and accounts up with onewindow-tool and the back office.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::MatterSearchPanel</name>
    <message>
        <source>Chosen: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  (one-matter bundle)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::QuestionsPanel</name>
    <message>
        <source>number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number, in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— not answered —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— to confirm —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirmed: it holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it does not hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (from the document)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filled in from the applicant&apos;s ID card or credit code; change it if it is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::QueuePage</name>
    <message>
        <source>No one is waiting in this window&apos;s services.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call next (F1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start intake (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recall (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No-show (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer (F4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Park (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume (F6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elderly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pregnant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Military</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1 called; case %2 is open for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1 called, but its case could not be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1 called.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1 called again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serving ticket %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1 parked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1 marked as no-show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1 transferred.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1 done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This window has no queue (no back office).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a parked ticket to resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer ticket %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window code (e.g. W03), or a service: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ticket is called to this window. Press F1 to call the next applicant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This window has no queue: it needs a back office, or a station&apos;s own queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken at %1, waited %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Called %n time(s); waiting for the applicant.</source>
        <translation>
            <numerusform>Called once; waiting for the applicant.</numerusform>
            <numerusform>Called %n times; waiting for the applicant.</numerusform>
        </translation>
    </message>
    <message>
        <source>Being served.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Recall is possible in %n second(s): the applicant needs time to come.</source>
        <translation>
            <numerusform>Recall is possible in %n second: the applicant needs time to come.</numerusform>
            <numerusform>Recall is possible in %n seconds: the applicant needs time to come.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No-show only after %n call(s), the recall delay after the last.</source>
        <translation>
            <numerusform>No-show only after %n call, the recall delay after the last.</numerusform>
            <numerusform>No-show only after %n calls, the recall delay after the last.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting for this window: %n</source>
        <translation>
            <numerusform>Waiting for this window: %n</numerusform>
            <numerusform>Waiting for this window: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Parked here: %n</source>
        <translation>
            <numerusform>Parked here: %n</numerusform>
            <numerusform>Parked here: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Walk-in ticket (F7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A ticket for the applicant at the window; a scanned notice or receipt QR makes it a return ticket for the case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprint ticket (F8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuing a ticket…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuing a return ticket for case %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Ticket %1 issued (%2, %n waiting ahead).</source>
        <translation>
            <numerusform>Ticket %1 issued (%2, %n waiting ahead).</numerusform>
            <numerusform>Ticket %1 issued (%2, %n waiting ahead).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Return ticket %1 issued for case %2 (%n waiting ahead).</source>
        <translation>
            <numerusform>Return ticket %1 issued for case %2 (%n waiting ahead).</numerusform>
            <numerusform>Return ticket %1 issued for case %2 (%n waiting ahead).</numerusform>
        </translation>
    </message>
    <message>
        <source>The receipt printer is not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing the ticket…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticket is printed: hand it to the applicant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It could not be printed: %1 The ticket is in the queue: tell the applicant the number %2, or reprint it (F8) once the printer is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>the ticket issued, then its printing</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::RatingPrompt</name>
    <message>
        <source>How was the service when you brought the supplement?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How was the service when you collected your results?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How was the service when your application was accepted?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The back office&apos;s rating key has not arrived yet; the rating cannot be sealed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue or the local store is not available.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::ScanPanel</name>
    <message>
        <source>Import scanned pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanned pages (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 cannot be watched for scanned pages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> (%n page(s), attached)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n page(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> (attached)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, page %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1: %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (the %n page(s) scanned before are kept)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) scanned.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Scanning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a material on the checklist first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no store for scanned documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) attached to the case (%1 KB).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ow::ui::SignInDialog</name>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The back office is not reachable; cases are kept here and sent when it is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::SupervisorPage</name>
    <message>
        <source>Today, %1, is a public holiday (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today, %1, is a working day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today, %1, is a rest day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: there is no holiday table for %1; only weekends are counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: the %1 holiday table is provisional.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Very dissatisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acceptance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not called back yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unresolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appeal is granted: the rating is removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appeal is refused: the rating stands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appeal was not decided: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases due by %1 (2 working days) count as near their deadline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This window has no back office: the supervisor&apos;s view is computed there. Set the window up with its back office (onewindow-tool enrol) and sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No windows are assigned to you for supervision yet. An administrator assigns them at the back office: onewindow-backoffice admin add-user --name %1 --role supervisor --windows KEYID,KEYID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the back office…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The back office did not answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures as of %1 (%2 old): the refresh failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated at %1; refreshed every %2 s while shown (F5: now).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 ago)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OFFLINE: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (called)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 item(s) past the promised date, %2 due within 2 working days (by %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s) late</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s) left</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>容缺 supplement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department&apos;s request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplements overdue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 tickets, average wait %3 min (P90 %4 min), average handling %5 min; accepted %6, 容缺 %7, notices %8, refused %9; done in at most one visit: %10 of %11 (%12).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rectified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(appealed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad ratings: %1 (each opens a rectification due in 15 working days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appeals waiting for your decision: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets and waits per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results per day and the share done in one visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P90 wait (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted (incl. 容缺)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases with a result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done in one visit (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M/d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 day(s) from %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not saved: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the daily report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant the appeal on case %1 and remove the rating? It then counts nowhere and its rectification ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuse the appeal on case %1? The rating stands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide the appeal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows %1–%2 of %3, those that need attention first; the totals count all %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::SupplementDialog</name>
    <message>
        <source>original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e-licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1: the applicant brings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>容缺</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no supplement to take in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That task is done already.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::SyncPanel</name>
    <message>
        <source>State: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Waiting to be sent: %n case(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differs at the back office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the back office named no field)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Conflicts: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Conflicts: the back office already holds different content for these entries. The case stops here and nothing is changed or dropped: copy the details and give them to the back office administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last success: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to be sent: %1 cases, %2 entries, %3 files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  case %1 (%2), entry %3, differs in: %4, since %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by the back office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
The back office said: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  case %1 (%2), entry %3, refused by the back office, since %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    the back office said: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    %1: here “%2”, at the back office “%3”</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>time recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kind of entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:
here “%2”
at the back office “%3”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cases waiting cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::SyncStatusWidget</name>
    <message>
        <source>No back office set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Syncing %n entry(ies)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n file(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync with the back office (Ctrl+Shift+Y shows the details)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sync conflict in %n case(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1, click to see</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>syncing N entries (N files)</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::WalkInDialog</name>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue ticket (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not the QR of a notice or receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aged %1 or over? Put the ID card on the reader: the ticket goes ahead as elderly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID card read (aged %1): priority elderly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID card read (aged %1): no priority by age.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return ticket for case %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR refused: %1 No return ticket: a walk-in ticket only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::WindowIdentityDialog</name>
    <message>
        <source>This computer is not set up as a window yet. Enter the back office&apos;s address, the window and the enrolment code from the administrator&apos;s note: the back office confirms who this window is and takes its receipt key.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::usb::UsbError</name>
    <message>
        <source>The %1 was disconnected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No permission to use the %1: install the udev rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 is in use by another program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 refused the command. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 was not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This %1 is not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of memory while talking to the %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Communication with the %1 failed. Check the cable and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
