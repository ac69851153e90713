<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountSettings</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not valid JSON: %2</source>
        <translation>%1 不是有效的 JSON：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: idleLockMinutes is 1 to 240, not %2.</source>
        <translation>%1：idleLockMinutes 应为 1 到 240，而不是 %2。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Enter the back office&apos;s address (e.g. https://backoffice.example.gov.cn).</source>
        <translation>请输入后台地址（例如 https://backoffice.example.gov.cn）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a back office address (https://host[:port]).</source>
        <translation>“%1”不是有效的后台地址（https://主机[:端口]）。</translation>
    </message>
    <message>
        <source>The back office address has no query or fragment: &quot;%1&quot;.</source>
        <translation>后台地址不能带查询参数或片段：“%1”。</translation>
    </message>
    <message>
        <source>The back office %1 would be reached over plain http://, which anyone on the network can read and alter (passwords, applicants&apos; data). Use its https:// address; http:// is only for a back office on this computer (localhost, 127.0.0.1, ::1).</source>
        <translation>后台 %1 将通过明文 http:// 连接，网络上任何人都能窃听和篡改（含密码和申请人信息）。请使用该后台的 https:// 地址；http:// 只能用于本机上的后台（localhost、127.0.0.1、::1）。</translation>
    </message>
</context>
<context>
    <name>ApplicantPanel</name>
    <message>
        <source>Applicant (F2)</source>
        <translation>申请人(F2)</translation>
    </message>
    <message>
        <source>Reveal (F9)</source>
        <translation>显示完整信息(F9)</translation>
    </message>
    <message>
        <source>Show the full identity; every reveal is recorded in the audit log</source>
        <translation>显示完整身份信息；每次查看都会记入审计日志</translation>
    </message>
    <message>
        <source>Person (ID card or ID number)</source>
        <translation>个人（身份证或身份号码）</translation>
    </message>
    <message>
        <source>Company (unified social credit code)</source>
        <translation>企业（统一社会信用代码）</translation>
    </message>
    <message>
        <source>ID &amp;number</source>
        <translation>身份号码(&amp;N)</translation>
    </message>
    <message>
        <source>N&amp;ame</source>
        <translation>姓名(&amp;A)</translation>
    </message>
    <message>
        <source>Applied for by an a&amp;gent (代办)</source>
        <translation>由代理人代办(&amp;G)</translation>
    </message>
    <message>
        <source>Agent&apos;s ID number</source>
        <translation>代办人身份号码</translation>
    </message>
    <message>
        <source>Agent&apos;s name</source>
        <translation>代办人姓名</translation>
    </message>
    <message>
        <source>Use this applicant (Enter)</source>
        <translation>确认申请人(Enter)</translation>
    </message>
    <message>
        <source>Another applicant (Ctrl+Shift+A)</source>
        <translation>增加申请人(Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Several applicants: buyer and seller, both parents; each may have an agent</source>
        <translation>多个申请人：买方和卖方、父母双方；每人均可由代理人代办</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>Writing the audit log failed: %1</source>
        <translation>写入审计日志失败：%1</translation>
    </message>
</context>
<context>
    <name>BackOfficeLink</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a JSON object: %2</source>
        <translation>%1 不是 JSON 对象：%2</translation>
    </message>
    <message>
        <source>%1 holds a user and password: remove them (and change that password). The window syncs as the clerk who signs in; the file names only the back office&apos;s &quot;url&quot;.</source>
        <translation>%1 中保存了用户名和密码：请删除（并修改该密码）。本窗口以登录的窗口人员身份同步，该文件只写后台的“url”。</translation>
    </message>
    <message>
        <source>%1: &quot;url&quot; must be the back office&apos;s http(s) address, e.g. https://10.0.0.5:8787.</source>
        <translation>%1：“url”须为后台的 http(s) 地址，例如 https://10.0.0.5:8787。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>BlobStore</name>
    <message>
        <source>Cannot create the folder %1 for scanned documents.</source>
        <translation>无法创建存放扫描材料的文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a document reference (SHA-256).</source>
        <translation>“%1”不是有效的材料文件标识（SHA-256）。</translation>
    </message>
    <message>
        <source>The scanned document %1 is missing from the store.</source>
        <translation>本地库中缺少扫描材料 %1。</translation>
    </message>
    <message>
        <source>The scanned document %1 is damaged in the store.</source>
        <translation>本地库中的扫描材料 %1 已损坏。</translation>
    </message>
</context>
<context>
    <name>CaseLog</name>
    <message>
        <source>Entry %1 of case %2 cannot be read: %3</source>
        <translation>案件 %2 的第 %1 条记录无法读取：%3</translation>
    </message>
    <message>
        <source>A log entry needs a case, a kind and a sequence number.</source>
        <translation>案件记录须有案件、类别和序号。</translation>
    </message>
    <message>
        <source>The case log cannot be read.</source>
        <translation>无法读取案件记录。</translation>
    </message>
    <message>
        <source>Case %1 was changed elsewhere (entry %2 exists); open it again.</source>
        <translation>案件 %1 已在别处修改（已有第 %2 条记录），请重新打开该案件。</translation>
    </message>
    <message>
        <source>Writing the case log failed: %1</source>
        <translation>写入案件记录失败：%1</translation>
    </message>
    <message>
        <source>Reading the case log failed: %1</source>
        <translation>读取案件记录失败：%1</translation>
    </message>
    <message>
        <source>Reading the outbox failed: %1</source>
        <translation>读取待同步记录失败：%1</translation>
    </message>
    <message>
        <source>Recording the acknowledgement failed: %1</source>
        <translation>登记后台确认失败：%1</translation>
    </message>
</context>
<context>
    <name>CaseNumbering</name>
    <message>
        <source>This window is not configured: a 6-digit region code and a window code without &apos;-&apos; are needed for case numbers.</source>
        <translation>本窗口尚未配置：生成案件编号需要 6 位行政区划码和不含“-”的窗口编码。</translation>
    </message>
    <message>
        <source>Cannot take the next case number: %1</source>
        <translation>无法取得下一个案件编号：%1</translation>
    </message>
    <message>
        <source>Not a day and a case number sequence: %1, %2.</source>
        <translation>日期或案件编号序号无效：%1，%2。</translation>
    </message>
    <message>
        <source>Cannot continue the case numbers of %1: %2</source>
        <translation>无法接续 %1 的案件编号：%2</translation>
    </message>
</context>
<context>
    <name>CaseProgress</name>
    <message>
        <source>all departments done: hand out the result</source>
        <translation>各部门均已办结，请发放结果</translation>
    </message>
    <message>
        <source>%1 asks for: %2</source>
        <translation>%1要求补正：%2</translation>
    </message>
    <message>
        <source>rejected by %1: %2</source>
        <translation>%1不予许可：%2</translation>
    </message>
    <message numerus="yes">
        <source>with %n department(s)</source>
        <translation>
            <numerusform>已分送 %n 个部门办理</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 approved, %3 result(s) ready</source>
        <translation>已审批 %1/%2 项，%3 项结果已出</translation>
    </message>
    <message>
        <source>%1 of %2 approved</source>
        <translation>已审批 %1/%2 项</translation>
    </message>
    <message>
        <source>held by the back office, not sent to the departments: %1</source>
        <translation>后台暂缓分送：%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>the back office&apos;s check of the catalogue gives other items than the window decided (only decided here: %1; only in its check: %2)</source>
        <translation>后台按事项目录核对的办理事项与窗口决定不一致（仅窗口决定：%1；仅后台核对：%2）</translation>
    </message>
    <message>
        <source>held by the back office, not sent to the departments</source>
        <translation>后台暂缓分送</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>CaseRepository</name>
    <message>
        <source>Saving the case failed: %1</source>
        <translation>保存案件失败：%1</translation>
    </message>
    <message>
        <source>A case needs an id and a number before it is saved.</source>
        <translation>案件保存前必须有标识和编号。</translation>
    </message>
    <message>
        <source>Reading the case failed: %1</source>
        <translation>读取案件失败：%1</translation>
    </message>
    <message>
        <source>No case with id %1 in this store.</source>
        <translation>本地库中没有标识为 %1 的案件。</translation>
    </message>
    <message>
        <source>No case numbered %1 at this window.</source>
        <translation>本窗口没有编号为 %1 的案件。</translation>
    </message>
    <message>
        <source>Keeping catalogue %1 failed: %2</source>
        <translation>保存事项目录 %1 失败：%2</translation>
    </message>
    <message>
        <source>The catalogue %1 this case was started with is not in the store.</source>
        <translation>本地库中没有本案受理时所用的事项目录（%1）。</translation>
    </message>
</context>
<context>
    <name>CaseService</name>
    <message>
        <source>Case %1 is not decided yet: finish it on the intake screen.</source>
        <translation>案件 %1 尚未作出受理决定，请在受理界面办结。</translation>
    </message>
    <message>
        <source>decision of non-approval (%1)</source>
        <translation>不予许可决定书（%1）</translation>
    </message>
    <message>
        <source>the result of %1</source>
        <translation>%1办理结果</translation>
    </message>
    <message>
        <source>No case is open.</source>
        <translation>未打开案件。</translation>
    </message>
    <message>
        <source>Case %1 was handed out already.</source>
        <translation>案件 %1 已出件。</translation>
    </message>
    <message>
        <source>Case %1 has not reached the departments yet.</source>
        <translation>案件 %1 尚未分送到部门。</translation>
    </message>
    <message>
        <source>Case %1 still waits for a supplement.</source>
        <translation>案件 %1 仍待补正材料。</translation>
    </message>
    <message>
        <source>%1 (%2) is not ready yet.</source>
        <translation>%1（%2）尚未办结。</translation>
    </message>
    <message>
        <source>Case %1 has no open task %2.</source>
        <translation>案件 %1 没有待办的补正事项 %2。</translation>
    </message>
    <message>
        <source>Mark what the applicant brought first.</source>
        <translation>请先登记申请人带来的材料。</translation>
    </message>
    <message>
        <source>A material taken in has no name.</source>
        <translation>收取的材料缺少名称。</translation>
    </message>
    <message>
        <source>Case %1 has no applicant.</source>
        <translation>案件 %1 没有申请人。</translation>
    </message>
    <message>
        <source>%1 applied as the agent: scan the letter of authorisation for the collection too.</source>
        <translation>%1 为代办人：领取结果同样需扫描授权委托书。</translation>
    </message>
    <message>
        <source>%1 is not the applicant: an agent collects only with the applicant&apos;s letter of authorisation (scan it).</source>
        <translation>%1 不是申请人：代领须凭申请人的授权委托书（请扫描）。</translation>
    </message>
    <message>
        <source>Enter the recipient and the address.</source>
        <translation>请填写收件人和地址。</translation>
    </message>
    <message>
        <source>Enter the carrier and the tracking number.</source>
        <translation>请填写快递公司和运单号。</translation>
    </message>
    <message>
        <source>Tick what is given first.</source>
        <translation>请先勾选发放的材料。</translation>
    </message>
    <message>
        <source>Case %1 has no item %2.</source>
        <translation>案件 %1 没有事项 %2。</translation>
    </message>
</context>
<context>
    <name>CaseState</name>
    <message>
        <source>Entry %1 belongs to another case.</source>
        <translation>第 %1 条记录属于其他案件。</translation>
    </message>
    <message>
        <source>Entry %1 of case %2 follows entry %3: the log has a gap.</source>
        <translation>案件 %2 的第 %1 条记录接在第 %3 条之后：记录有缺失。</translation>
    </message>
    <message>
        <source>Case %1 does not begin with &quot;started&quot;.</source>
        <translation>案件 %1 的记录不是从“受理开始”起头。</translation>
    </message>
    <message>
        <source>Case %1 is started twice.</source>
        <translation>案件 %1 被重复开始。</translation>
    </message>
    <message>
        <source>The start of case %1 has no number.</source>
        <translation>案件 %1 的开始记录没有案件编号。</translation>
    </message>
    <message>
        <source>An answer without its question in case %1.</source>
        <translation>案件 %1 中有一条回答缺少对应问题。</translation>
    </message>
    <message>
        <source>A mark without its material in case %1.</source>
        <translation>案件 %1 中有一条收件登记缺少对应材料。</translation>
    </message>
    <message>
        <source>Unknown mark &quot;%1&quot; in case %2.</source>
        <translation>案件 %2 中有未知的收件方式“%1”。</translation>
    </message>
    <message>
        <source>Unknown entry kind &quot;%1&quot; in case %2.</source>
        <translation>案件 %2 中有未知的记录类别“%1”。</translation>
    </message>
    <message>
        <source>The case has no log.</source>
        <translation>该案件没有记录。</translation>
    </message>
    <message>
        <source>A count without its material or pieces in case %1.</source>
        <translation>案件 %1 中有一条份数登记缺少对应材料或份数。</translation>
    </message>
    <message>
        <source>A confirmation without its condition in case %1.</source>
        <translation>案件 %1 中有一条确认记录缺少对应的受理条件。</translation>
    </message>
    <message>
        <source>A scanned document without its material, hash or pages in case %1.</source>
        <translation>案件 %1 中有一份扫描件缺少对应材料、摘要或页数。</translation>
    </message>
    <message>
        <source>Applicant %1 of case %2 has no identity.</source>
        <translation>案件 %2 的第 %1 位申请人没有身份信息。</translation>
    </message>
    <message>
        <source>Case %1 is decided; it cannot be abandoned.</source>
        <translation>案件 %1 已作出处理决定，不能放弃。</translation>
    </message>
    <message>
        <source>Case %1 takes in a supplement before its decision.</source>
        <translation>案件 %1 在作出受理决定前收取补正材料。</translation>
    </message>
    <message>
        <source>Case %1 is handed out before its decision.</source>
        <translation>案件 %1 在作出受理决定前出件。</translation>
    </message>
    <message>
        <source>Case %1 was handed out already.</source>
        <translation>案件 %1 已出件。</translation>
    </message>
</context>
<context>
    <name>CaseTimeline</name>
    <message>
        <source>accepted: acceptance receipt issued</source>
        <translation>受理：已出具受理凭证</translation>
    </message>
    <message>
        <source>accepted with 容缺: materials to supplement</source>
        <translation>容缺受理：待补正材料</translation>
    </message>
    <message>
        <source>one-time notice of missing materials issued</source>
        <translation>已出具一次性告知书</translation>
    </message>
    <message>
        <source>not accepted: refusal notice issued</source>
        <translation>不予受理：已出具不予受理通知书</translation>
    </message>
    <message>
        <source>visit: the applicant came</source>
        <translation>到场：申请人首次到窗口</translation>
    </message>
    <message>
        <source>visit: back with the one-time notice</source>
        <translation>到场：持一次性告知书再次办理</translation>
    </message>
    <message>
        <source>visit: bringing a supplement</source>
        <translation>到场：递交补正材料</translation>
    </message>
    <message>
        <source>visit: collecting the result</source>
        <translation>到场：领取办理结果</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>到场</translation>
    </message>
    <message>
        <source>%1 (decision letter)</source>
        <translation>%1（决定书）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>case started (ticket %1)</source>
        <translation>开始办理（号票 %1）</translation>
    </message>
    <message>
        <source>case started</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <source> (ticket %1)</source>
        <translation>（号票 %1）</translation>
    </message>
    <message>
        <source>document handed over as A4 PDF (copy %1)</source>
        <translation>文书以 A4 PDF 交付（第 %1 份）</translation>
    </message>
    <message>
        <source>document printed on the receipt printer (copy %1)</source>
        <translation>文书已在凭条打印机打印（第 %1 份）</translation>
    </message>
    <message>
        <source>continued at Materials (visit %1)</source>
        <translation>在收件环节继续办理（第 %1 次到场）</translation>
    </message>
    <message numerus="yes">
        <source>%1 (scanned, %n page(s))</source>
        <translation>
            <numerusform>%1（已扫描 %n 页）</numerusform>
        </translation>
    </message>
    <message>
        <source>supplement taken in: %1</source>
        <translation>已收取补正材料：%1</translation>
    </message>
    <message>
        <source>handed out to an agent with the authorisation: %1</source>
        <translation>凭授权委托书由代领人领取：%1</translation>
    </message>
    <message>
        <source>handed out to the applicant: %1</source>
        <translation>申请人本人领取：%1</translation>
    </message>
    <message>
        <source>sent by courier: %1 %2</source>
        <translation>邮寄送达：%1 %2</translation>
    </message>
    <message>
        <source>the applicant rated the service</source>
        <translation>申请人已评价服务</translation>
    </message>
    <message>
        <source>personal data shown in full: %1</source>
        <translation>完整显示个人信息：%1</translation>
    </message>
    <message>
        <source>left undecided: closed</source>
        <translation>未作决定即离开：已关闭</translation>
    </message>
    <message>
        <source>left the window</source>
        <translation>窗口办结</translation>
    </message>
    <message>
        <source>received and confirmed by the back office</source>
        <translation>后台已接收并确认</translation>
    </message>
    <message>
        <source>back office</source>
        <translation>后台</translation>
    </message>
    <message numerus="yes">
        <source>routed: %n item(s)</source>
        <translation>
            <numerusform>已分送 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>approved</source>
        <translation>准予许可</translation>
    </message>
    <message>
        <source>rejected: %1</source>
        <translation>不予许可：%1</translation>
    </message>
    <message>
        <source>asks for a supplement: %1</source>
        <translation>要求补正：%1</translation>
    </message>
    <message>
        <source>result ready</source>
        <translation>办理结果已出</translation>
    </message>
    <message>
        <source>every item done: ready for hand-out</source>
        <translation>各事项均已办结：待出件</translation>
    </message>
</context>
<context>
    <name>CaseTimelineDialog</name>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Items at the departments</source>
        <translation>各部门办理事项</translation>
    </message>
    <message>
        <source>Supplements the applicant still has to bring</source>
        <translation>申请人尚需补正的材料</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>办理过程</translation>
    </message>
    <message>
        <source>Take in &amp;supplement…</source>
        <translation>收取补正材料(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Hand out…</source>
        <translation>出件(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Reprint</source>
        <translation>重新打印(&amp;R)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>No cases accepted at this window yet.</source>
        <translation>本窗口尚未受理案件。</translation>
    </message>
    <message>
        <source>Case number (or its beginning), or scan the QR code on a receipt or notice</source>
        <translation>输入案件编号（或其开头），或扫描回执、告知书上的二维码</translation>
    </message>
    <message>
        <source>&amp;Reprint</source>
        <translation>重新打印(&amp;R)</translation>
    </message>
    <message>
        <source>Show and print again the document of the selected decided case</source>
        <translation>重新显示并打印所选已办结案件的文书</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <source>not valid JSON: %1</source>
        <translation>不是有效的 JSON：%1</translation>
    </message>
    <message>
        <source>the catalogue must be a JSON object</source>
        <translation>事项目录必须是 JSON 对象</translation>
    </message>
    <message>
        <source>&quot;format&quot; must be &quot;onewindow-catalogue&quot;</source>
        <translation>“format”必须为“onewindow-catalogue”</translation>
    </message>
    <message>
        <source>&quot;formatVersion&quot; must be 1 (this program reads version 1 only)</source>
        <translation>“formatVersion”必须为 1（本程序只能读取第 1 版）</translation>
    </message>
    <message>
        <source>the catalogue has no matters</source>
        <translation>事项目录中没有任何事项</translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot;</source>
        <translation>未知字段“%1”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an array</source>
        <translation>“%1”必须是数组</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is required and must be a non-empty string</source>
        <translation>“%1”为必填项，且必须是非空字符串</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a string</source>
        <translation>“%1”必须是字符串</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must hold non-empty strings</source>
        <translation>“%1”只能包含非空字符串</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a whole number from %2 to %3</source>
        <translation>“%1”必须是 %2 到 %3 之间的整数</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be true or false</source>
        <translation>“%1”必须为 true 或 false</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be one of %2, not %3</source>
        <translation>“%1”必须是 %2 之一，而不是 %3</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a condition string</source>
        <translation>“%1”必须是条件字符串</translation>
    </message>
    <message>
        <source>%1 in &quot;%2&quot;</source>
        <translation>%1（位于“%2”）</translation>
    </message>
    <message>
        <source>must be a JSON object</source>
        <translation>必须是 JSON 对象</translation>
    </message>
    <message>
        <source>&quot;id&quot; must be lower-case letters, digits and &apos;-&apos;</source>
        <translation>“id”只能由小写字母、数字和“-”组成</translation>
    </message>
    <message>
        <source>duplicate department id &quot;%1&quot;</source>
        <translation>部门 id“%1”重复</translation>
    </message>
    <message>
        <source>&quot;id&quot; must be letters, digits and &apos;_&apos;, not starting with a digit</source>
        <translation>“id”只能由字母、数字和“_”组成，且不能以数字开头</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a reserved word of the condition language</source>
        <translation>“%1”是条件语言的保留字</translation>
    </message>
    <message>
        <source>duplicate option &quot;%1&quot;</source>
        <translation>选项“%1”重复</translation>
    </message>
    <message>
        <source>a choice question needs at least two options</source>
        <translation>选择题至少需要两个选项</translation>
    </message>
    <message>
        <source>only choice questions have options</source>
        <translation>只有选择题才能设置选项</translation>
    </message>
    <message>
        <source>duplicate question id &quot;%1&quot;</source>
        <translation>问题 id“%1”重复</translation>
    </message>
    <message>
        <source>duplicate material id &quot;%1&quot;</source>
        <translation>材料 id“%1”重复</translation>
    </message>
    <message>
        <source>&quot;code&quot; is required and must be a non-empty string</source>
        <translation>“code”为必填项，且必须是非空字符串</translation>
    </message>
    <message>
        <source>unknown department &quot;%1&quot;</source>
        <translation>未知部门“%1”</translation>
    </message>
    <message>
        <source>the promised limit (%1 working days) exceeds the statutory limit (%2)</source>
        <translation>承诺时限（%1 个工作日）超过法定时限（%2）</translation>
    </message>
    <message>
        <source>&quot;fee&quot; must be a number of yuan, 0 or more</source>
        <translation>“fee”必须是以元为单位、不小于 0 的数值</translation>
    </message>
    <message>
        <source>&quot;result&quot; must be an object with &quot;type&quot; and &quot;name&quot;</source>
        <translation>“result”必须是包含“type”和“name”的对象</translation>
    </message>
    <message>
        <source>unknown material &quot;%1&quot;</source>
        <translation>未知材料“%1”</translation>
    </message>
    <message>
        <source>the material is listed twice in this matter</source>
        <translation>该材料在本事项中重复列出</translation>
    </message>
    <message>
        <source>a conditional material needs a &quot;when&quot; condition</source>
        <translation>条件材料必须设置“when”条件</translation>
    </message>
    <message>
        <source>a required material has no &quot;when&quot;; make it conditional</source>
        <translation>必需材料不能设置“when”；如有条件，请改为条件材料</translation>
    </message>
    <message>
        <source>only tolerable materials have &quot;supplementDays&quot;</source>
        <translation>只有可容缺材料才能设置“supplementDays”</translation>
    </message>
    <message>
        <source>a matter done on the spot (promisedDays 0) cannot accept a missing material</source>
        <translation>即办事项（promisedDays 为 0）不能容缺受理材料</translation>
    </message>
    <message>
        <source>duplicate matter code &quot;%1&quot;</source>
        <translation>事项编码“%1”重复</translation>
    </message>
    <message>
        <source>mode keep-original needs originals ≥ 1 and copies 0</source>
        <translation>mode 为 keep-original 时，要求 originals ≥ 1 且 copies 为 0</translation>
    </message>
    <message>
        <source>mode %1 needs copies ≥ 1 and originals 0 (a verified original is returned)</source>
        <translation>mode 为 %1 时，要求 copies ≥ 1 且 originals 为 0（原件验后退还）</translation>
    </message>
    <message>
        <source>mode original-and-copy needs originals ≥ 1 and copies ≥ 1</source>
        <translation>mode 为 original-and-copy 时，要求 originals ≥ 1 且 copies ≥ 1</translation>
    </message>
    <message>
        <source>unknown question &quot;%1&quot; in &quot;questions&quot;</source>
        <translation>“questions”中有未知问题“%1”</translation>
    </message>
    <message>
        <source>a bundle needs at least one item</source>
        <translation>一件事至少需要包含一个事项</translation>
    </message>
    <message>
        <source>unknown matter &quot;%1&quot;</source>
        <translation>未知事项“%1”</translation>
    </message>
    <message>
        <source>matter &quot;%1&quot; depends on question &quot;%2&quot;, which the bundle does not ask</source>
        <translation>事项“%1”依赖问题“%2”，但该一件事未设置此问题</translation>
    </message>
    <message>
        <source>matter &quot;%1&quot; appears twice in the bundle</source>
        <translation>事项“%1”在该一件事中重复出现</translation>
    </message>
    <message>
        <source>unknown shared material &quot;%1&quot;</source>
        <translation>未知共享材料“%1”</translation>
    </message>
    <message>
        <source>shared material &quot;%1&quot; is not needed by any item</source>
        <translation>共享材料“%1”未被任何事项使用</translation>
    </message>
    <message>
        <source>duplicate bundle id &quot;%1&quot;</source>
        <translation>一件事 id“%1”重复</translation>
    </message>
    <message>
        <source>%1: cannot read the catalogue: %2</source>
        <translation>%1：无法读取事项目录：%2</translation>
    </message>
    <message>
        <source>unknown question &quot;%1&quot;</source>
        <translation>未知问题“%1”</translation>
    </message>
    <message>
        <source>question &quot;%1&quot; needs a number, not &quot;%2&quot;</source>
        <translation>问题“%1”应填数字，而不是“%2”</translation>
    </message>
    <message>
        <source>question &quot;%1&quot; needs yes or no, not &quot;%2&quot;</source>
        <translation>问题“%1”应填 yes 或 no，而不是“%2”</translation>
    </message>
    <message>
        <source>question &quot;%1&quot; needs one of %2, not &quot;%3&quot;</source>
        <translation>问题“%1”应填 %2 之一，而不是“%3”</translation>
    </message>
    <message>
        <source>unknown question type</source>
        <translation>未知问题类型</translation>
    </message>
    <message>
        <source>unknown material &quot;%1&quot; in &quot;produces&quot;</source>
        <translation>“produces”中的材料“%1”未定义</translation>
    </message>
    <message>
        <source>the matter both needs and produces &quot;%1&quot;</source>
        <translation>该事项既需要又产出“%1”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs &quot;%2&quot;, issued by &quot;%3&quot;</source>
        <translation>“%1”需要“%2”，该材料由“%3”出具</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>&quot;produces&quot; forms a cycle (%1): each matter would wait for the other</source>
        <translation>“produces”构成循环（%1）：各事项将互相等待对方出具的材料</translation>
    </message>
    <message>
        <source>&quot;perParty&quot; must be true or false</source>
        <translation>“perParty”必须为 true 或 false</translation>
    </message>
    <message>
        <source>&quot;fromParty&quot; must be age, gender, entityType, retirementCategory or retirementReached</source>
        <translation>“fromParty”只能是 age、gender、entityType、retirementCategory 或 retirementReached</translation>
    </message>
    <message>
        <source>a retirementCategory question is a choice of male, female-cadre and female-worker</source>
        <translation>retirementCategory 问题须为选择题，选项为 male、female-cadre 和 female-worker</translation>
    </message>
    <message>
        <source>a retirementReached question is a yes-no question</source>
        <translation>retirementReached 问题须为是否题</translation>
    </message>
    <message>
        <source>duplicate group id &quot;%1&quot;</source>
        <translation>事项分组编号“%1”重复</translation>
    </message>
    <message>
        <source>unknown group &quot;%1&quot;</source>
        <translation>未知的事项分组“%1”</translation>
    </message>
</context>
<context>
    <name>CatalogCache</name>
    <message>
        <source>the cache is corrupt at byte %1</source>
        <translation>缓存文件在第 %1 字节处已损坏</translation>
    </message>
    <message>
        <source>the cache refers to an unknown entry &quot;%1&quot;</source>
        <translation>缓存引用了不存在的条目“%1”</translation>
    </message>
    <message>
        <source>the cache holds no matters</source>
        <translation>缓存中没有事项</translation>
    </message>
    <message>
        <source>not a catalogue cache file</source>
        <translation>不是事项目录缓存文件</translation>
    </message>
    <message>
        <source>written by another version of the program</source>
        <translation>由其他版本的程序写入</translation>
    </message>
    <message>
        <source>made for another catalogue</source>
        <translation>属于另一份事项目录</translation>
    </message>
    <message>
        <source>truncated or with bytes appended</source>
        <translation>长度不对（被截断或多出了字节）</translation>
    </message>
    <message>
        <source>its digest does not match its content (the file is damaged)</source>
        <translation>摘要与内容不符（文件已损坏）</translation>
    </message>
    <message>
        <source>the catalogue cache %1 was not usable (%2); it is rebuilt</source>
        <translation>事项目录缓存 %1 无法使用（%2），已重新生成</translation>
    </message>
    <message>
        <source>the catalogue cache %1 cannot be read (%2); it is rebuilt</source>
        <translation>无法读取事项目录缓存 %1（%2），已重新生成</translation>
    </message>
    <message>
        <source>no catalogue cache for %1 yet; it is built</source>
        <translation>事项目录 %1 尚无缓存，现在生成</translation>
    </message>
    <message>
        <source>the catalogue cache %1 cannot be written: %2</source>
        <translation>无法写入事项目录缓存 %1：%2</translation>
    </message>
</context>
<context>
    <name>CatalogueShelf</name>
    <message>
        <source>The catalogue from the back office has SHA-256 %1, not the announced %2.</source>
        <translation>后台发来的事项目录 SHA-256 为 %1，与声明的 %2 不符。</translation>
    </message>
    <message>
        <source>catalogue %1 from the back office</source>
        <translation>后台发来的事项目录 %1</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot keep the catalogue as %1: %2</source>
        <translation>无法将事项目录保存为 %1：%2</translation>
    </message>
    <message>
        <source>Cannot record the catalogue for new cases: %1</source>
        <translation>无法登记新案件使用的事项目录：%1</translation>
    </message>
</context>
<context>
    <name>ChecklistEngine</name>
    <message>
        <source>The catalogue has no bundle &quot;%1&quot;.</source>
        <translation>事项目录中没有一件事“%1”。</translation>
    </message>
    <message>
        <source>Choose a bundle or at least one matter.</source>
        <translation>请选择一件事或至少一个事项。</translation>
    </message>
    <message>
        <source>The catalogue has no matter &quot;%1&quot;.</source>
        <translation>事项目录中没有事项“%1”。</translation>
    </message>
    <message>
        <source>always part of this matter</source>
        <translation>本事项固定所需</translation>
    </message>
    <message>
        <source>needed because %1</source>
        <translation>需要，因为%1</translation>
    </message>
    <message>
        <source>depends on: %1</source>
        <translation>取决于：%1</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必需</translation>
    </message>
    <message>
        <source>may be handed in later (容缺), within %1 working days</source>
        <translation>可容缺后补，%1 个工作日内补交</translation>
    </message>
    <message>
        <source>needed because %1; may be handed in later (容缺), within %2 working days</source>
        <translation>需要，因为%1；可容缺后补，%2 个工作日内补交</translation>
    </message>
    <message>
        <source>the original is needed; only a copy was received</source>
        <translation>需要原件，目前只收到复印件</translation>
    </message>
    <message>
        <source>no e-licence replaces this material</source>
        <translation>无电子证照可替代此材料</translation>
    </message>
    <message>
        <source>not needed (condition not met: %1)</source>
        <translation>无需办理（条件不满足：%1）</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1；%2</translation>
    </message>
    <message>
        <source>confirmed by the clerk not to hold</source>
        <translation>经窗口人员确认不符合</translation>
    </message>
    <message>
        <source>the clerk found that it does not hold</source>
        <translation>经窗口人员核实不符合</translation>
    </message>
    <message>
        <source>not met: %1</source>
        <translation>不符合：%1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <source>Merged checklist</source>
        <translation>合并材料清单</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Originals / copies</source>
        <translation>原件 / 复印件</translation>
    </message>
    <message>
        <source>Needed by, and why</source>
        <translation>所需事项及原因</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>审查结论</translation>
    </message>
    <message>
        <source>Selected material in full</source>
        <translation>所选材料（完整内容）</translation>
    </message>
    <message>
        <source>↑↓ select a line (shown in full above) · O original · C copy · E e-licence · Del not received</source>
        <translation>↑↓ 选行（完整内容见上方）· O 原件 · C 复印件 · E 电子证照 · Del 未收</translation>
    </message>
</context>
<context>
    <name>Condition</name>
    <message>
        <source>column 1: the condition is longer than %1 characters</source>
        <translation>第 1 列：条件超过 %1 个字符</translation>
    </message>
    <message>
        <source>unexpected &apos;%1&apos; after the end of the condition</source>
        <translation>条件结束后出现多余的“%1”</translation>
    </message>
    <message>
        <source>column %1: %2</source>
        <translation>第 %1 列：%2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation>“%1”不是数字</translation>
    </message>
    <message>
        <source>unterminated text literal</source>
        <translation>文本常量缺少结束引号</translation>
    </message>
    <message>
        <source>the condition is nested more than %1 levels deep</source>
        <translation>条件嵌套超过 %1 层</translation>
    </message>
    <message>
        <source>the condition ends too early</source>
        <translation>条件不完整，提前结束</translation>
    </message>
    <message>
        <source>missing &apos;)&apos; for the &apos;(&apos; at column %1</source>
        <translation>第 %1 列的“(”缺少对应的“)”</translation>
    </message>
    <message>
        <source>expected a question, &apos;not&apos; or &apos;(&apos; but found &apos;%1&apos;</source>
        <translation>此处应为问题、“not”或“(”，但遇到的是“%1”</translation>
    </message>
    <message>
        <source>expected a question but found the keyword &apos;%1&apos;</source>
        <translation>此处应为问题，但遇到的是关键字“%1”</translation>
    </message>
    <message>
        <source>unknown question &apos;%1&apos;</source>
        <translation>未知问题“%1”</translation>
    </message>
    <message>
        <source>expected &apos;in&apos; after &apos;not&apos;</source>
        <translation>“not”之后应为“in”</translation>
    </message>
    <message>
        <source>&apos;in&apos; does not apply to the yes-no question &apos;%1&apos;</source>
        <translation>“in”不能用于是非题“%1”</translation>
    </message>
    <message>
        <source>expected &apos;[&apos; after &apos;in&apos;</source>
        <translation>“in”之后应为“[”</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;]&apos; in the list</source>
        <translation>列表中此处应为“,”或“]”</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs a number question, but &apos;%2&apos; is a %3 question</source>
        <translation>“%1”只能用于数值问题，但“%2”是 %3 类型的问题</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a yes-no question; compare it with an operator</source>
        <translation>“%1”不是是非题，请用运算符进行比较</translation>
    </message>
    <message>
        <source>unexpected character &apos;%1&apos;</source>
        <translation>无法识别的字符“%1”</translation>
    </message>
    <message>
        <source>type mismatch: &apos;%1&apos; is a number question but &apos;%2&apos; is not a number</source>
        <translation>类型不匹配：“%1”是数值问题，但“%2”不是数字</translation>
    </message>
    <message>
        <source>type mismatch: &apos;%1&apos; is a choice question; quote an option value instead of &apos;%2&apos;</source>
        <translation>类型不匹配：“%1”是选择题，请使用带引号的选项值，而不是“%2”</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an option of the question &apos;%2&apos;</source>
        <translation>“%1”不是问题“%2”的选项</translation>
    </message>
    <message>
        <source>type mismatch: &apos;%1&apos; is a yes-no question; compare it with true or false</source>
        <translation>类型不匹配：“%1”是是非题，请与 true 或 false 比较</translation>
    </message>
    <message>
        <source>always</source>
        <translation>始终</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>not (%1)</source>
        <translation>非（%1）</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 且 %2</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 或 %2</translation>
    </message>
    <message>
        <source>%1 is none of %2</source>
        <translation>%1 不属于 %2 中任何一项</translation>
    </message>
    <message>
        <source>%1 is one of %2</source>
        <translation>%1 为 %2 之一</translation>
    </message>
    <message>
        <source>%1 = yes</source>
        <translation>%1：是</translation>
    </message>
    <message>
        <source>%1 = no</source>
        <translation>%1：否</translation>
    </message>
    <message>
        <source>%1 holds</source>
        <translation>%1成立</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 is %2, which is excluded (%3)</source>
        <translation>%1为%2，属于不符合的情形（%3）</translation>
    </message>
    <message>
        <source>%1 is %2, not one of %3</source>
        <translation>%1为%2，不属于%3</translation>
    </message>
    <message>
        <source>%1 is %2, below %3</source>
        <translation>%1为%2，未达到%3</translation>
    </message>
    <message>
        <source>%1 is %2, not above %3</source>
        <translation>%1为%2，未超过%3</translation>
    </message>
    <message>
        <source>%1 is %2, above %3</source>
        <translation>%1为%2，超过%3</translation>
    </message>
    <message>
        <source>%1 is %2, not below %3</source>
        <translation>%1为%2，不低于%3</translation>
    </message>
    <message>
        <source>%1 is %2, not %3</source>
        <translation>%1为%2，不是%3</translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation>%1为%2</translation>
    </message>
</context>
<context>
    <name>CoverSheets</name>
    <message>
        <source>The cover-sheet rules are not valid JSON: %1</source>
        <translation>分隔页规则不是有效的 JSON：%1</translation>
    </message>
    <message>
        <source>The cover-sheet &quot;prefix&quot; must be text.</source>
        <translation>分隔页规则中的“prefix”必须是文本。</translation>
    </message>
    <message>
        <source>The cover-sheet code &quot;%1&quot; names no valid material.</source>
        <translation>分隔页条码“%1”没有对应有效的材料。</translation>
    </message>
</context>
<context>
    <name>CreditCode</name>
    <message>
        <source>A unified social credit code has 18 characters; this one has %1.</source>
        <translation>统一社会信用代码应为 18 位，当前为 %1 位。</translation>
    </message>
    <message>
        <source>Character %1 (&quot;%2&quot;) cannot appear in a credit code (I, O, Z, S and V are never used).</source>
        <translation>第 %1 位字符“%2”不能出现在统一社会信用代码中（不使用 I、O、Z、S、V）。</translation>
    </message>
    <message>
        <source>Characters 3 to 8 of a credit code are the region code and must be digits.</source>
        <translation>统一社会信用代码第 3 至 8 位为行政区划码，必须是数字。</translation>
    </message>
    <message>
        <source>This credit code does not pass the check character test: one of its characters was mistyped, and the check cannot tell which. Compare it character by character with the business licence.</source>
        <translation>该统一社会信用代码未通过校验码校验：有字符录入错误，但校验无法判断是哪一位。请对照营业执照逐位核对。</translation>
    </message>
    <message>
        <source>The organisation code %1 inside this credit code does not pass its check: one of its characters was mistyped. Compare the code character by character with the business licence.</source>
        <translation>该统一社会信用代码中的组织机构代码 %1 未通过校验：有字符录入错误。请对照营业执照逐位核对。</translation>
    </message>
</context>
<context>
    <name>DeviceStatusWidget</name>
    <message>
        <source>Demo card</source>
        <translation>演示证件</translation>
    </message>
    <message>
        <source>Put a demo card on the simulated card reader</source>
        <translation>在模拟读卡器上放置演示证件</translation>
    </message>
</context>
<context>
    <name>DocumentBuilder</name>
    <message numerus="yes">
        <source>original verified and returned; %n copy(ies) kept</source>
        <translation>
            <numerusform>原件已验并退还，收复印件 %n 份</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>bring %n original(s)</source>
        <translation>
            <numerusform>携带原件 %n 份</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>bring %n copy(ies)</source>
        <translation>
            <numerusform>携带复印件 %n 份</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>bring the original (it is returned) and %n copy(ies)</source>
        <translation>
            <numerusform>携带原件（验后退还）及复印件 %n 份</numerusform>
        </translation>
    </message>
    <message>
        <source>bring %1 original(s) and %2 copy(ies)</source>
        <translation>携带原件 %1 份、复印件 %2 份</translation>
    </message>
    <message>
        <source>The case has no applicant or no checklist yet.</source>
        <translation>该案件尚无申请人或材料清单。</translation>
    </message>
    <message>
        <source>A refusal needs its reason.</source>
        <translation>不予受理须填写理由。</translation>
    </message>
    <message>
        <source>issued within this matter by %1</source>
        <translation>由本次一并办理的“%1”核发，无需另交</translation>
    </message>
    <message>
        <source>e-licence %1 pulled; no paper needed</source>
        <translation>已调取电子证照（%1），无需纸质材料</translation>
    </message>
    <message numerus="yes">
        <source>%n original(s) received</source>
        <translation>
            <numerusform>收原件 %n 份</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies) received</source>
        <translation>
            <numerusform>收复印件 %n 份</numerusform>
        </translation>
    </message>
    <message>
        <source>received</source>
        <translation>已收</translation>
    </message>
    <message>
        <source>The catalogue allows up to %1 working days; the deadline is brought forward to %2 working day(s) because %3 promises its result within that time and the materials must be in first.</source>
        <translation>目录规定最长可在 %1 个工作日内补交；因“%3”承诺 %2 个工作日内办结，材料须在办结前补齐，故补交期限提前至 %2 个工作日。</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1；%2</translation>
    </message>
    <message>
        <source>or allow the window to pull the e-licence %1</source>
        <translation>或授权窗口调取电子证照（%1）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Documents cannot be written in &quot;%1&quot;; set the window&apos;s document language to zh_CN or en.</source>
        <translation>无法以“%1”出具文书，请将本窗口的文书语言设为 zh_CN 或 en。</translation>
    </message>
</context>
<context>
    <name>DocumentLayout</name>
    <message>
        <source>Accepted offline: provisional until confirmed by the back office.</source>
        <translation>离线受理：经后台确认前为临时凭证。</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代办人</translation>
    </message>
    <message>
        <source>Matters</source>
        <translation>办理事项</translation>
    </message>
    <message>
        <source>Materials received</source>
        <translation>已收材料</translation>
    </message>
    <message>
        <source>Promised completion</source>
        <translation>承诺办结日期</translation>
    </message>
    <message>
        <source>Materials still needed (all of them, listed at once)</source>
        <translation>尚需补齐的材料（一次性全部告知）</translation>
    </message>
    <message>
        <source>Bring the materials above to any comprehensive window; show this notice or its QR code and the case continues where it stopped.</source>
        <translation>请携带上述材料到任一综合窗口，出示本告知书或其二维码，即可接续办理。</translation>
    </message>
    <message>
        <source>Materials to supplement</source>
        <translation>需补交的材料</translation>
    </message>
    <message>
        <source>Supplement by</source>
        <translation>补交期限</translation>
    </message>
    <message>
        <source>The application is accepted on the applicant&apos;s commitment. If the materials are not supplemented by the date above, the case is closed without a decision.</source>
        <translation>本申请依申请人承诺予以容缺受理。逾期未补交上述材料的，案件终止办理。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>The applicant may apply for administrative reconsideration or bring an administrative lawsuit according to law.</source>
        <translation>申请人如不服，可依法申请行政复议或者提起行政诉讼。</translation>
    </message>
    <message>
        <source>Collect the result</source>
        <translation>领取方式</translation>
    </message>
    <message>
        <source>by courier</source>
        <translation>快递送达</translation>
    </message>
    <message>
        <source>at the window</source>
        <translation>窗口领取</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Hand in by %1.</source>
        <translation>请于%1前补交。</translation>
    </message>
    <message>
        <source>Acceptance conditions confirmed by the clerk</source>
        <translation>经窗口人员确认的受理条件</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1%2</translation>
    </message>
    <message>
        <source>Identity document</source>
        <translation>证件</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <source>Receipt as printed</source>
        <translation>小票预览</translation>
    </message>
    <message>
        <source>A4 document</source>
        <translation>A4 文书</translation>
    </message>
    <message>
        <source>Print receipt (F10)</source>
        <translation>打印小票(F10)</translation>
    </message>
    <message>
        <source>Print A4…</source>
        <translation>打印 A4…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <source>Done, next applicant (F12)</source>
        <translation>完成，下一位(F12)</translation>
    </message>
</context>
<context>
    <name>EscPosReceipt</name>
    <message>
        <source>Scan to check this document</source>
        <translation>扫码核验本文书</translation>
    </message>
    <message>
        <source>Applicant&apos;s signature:</source>
        <translation>申请人签字：</translation>
    </message>
    <message>
        <source>Collector&apos;s signature:</source>
        <translation>领取人签名：</translation>
    </message>
</context>
<context>
    <name>FileModes</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot make the folder %1 private (mode 0700).</source>
        <translation>无法将文件夹 %1 设为仅本人可访问（权限 0700）。</translation>
    </message>
    <message>
        <source>Cannot make the file %1 private (mode 0600).</source>
        <translation>无法将文件 %1 设为仅本人可读写（权限 0600）。</translation>
    </message>
</context>
<context>
    <name>HallDisplay</name>
    <message>
        <source>Latest calls</source>
        <translation>最近呼叫</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>业务</translation>
    </message>
    <message>
        <source>Called at</source>
        <translation>呼叫时间</translation>
    </message>
    <message>
        <source>Waiting now</source>
        <translation>当前等候</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等候人数</translation>
    </message>
</context>
<context>
    <name>HallTicketSlip</name>
    <message>
        <source>Priority: elderly</source>
        <translation>老年人优先</translation>
    </message>
    <message>
        <source>Priority: disabled</source>
        <translation>残疾人优先</translation>
    </message>
    <message>
        <source>Priority: pregnant</source>
        <translation>孕妇优先</translation>
    </message>
    <message>
        <source>Priority: military</source>
        <translation>军人优先</translation>
    </message>
    <message>
        <source>Return for case %1</source>
        <translation>续办：办件 %1</translation>
    </message>
</context>
<context>
    <name>HandoutDialog</name>
    <message>
        <source>Hand out</source>
        <translation>出件</translation>
    </message>
    <message>
        <source>At the &amp;window (统一出件)</source>
        <translation>窗口领取(&amp;W)（统一出件）</translation>
    </message>
    <message>
        <source>By &amp;courier (邮寄送达)</source>
        <translation>邮寄送达(&amp;C)</translation>
    </message>
    <message>
        <source>Tick what is given:</source>
        <translation>勾选发放的材料：</translation>
    </message>
    <message>
        <source>Who collects</source>
        <translation>领取人</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>寄送至</translation>
    </message>
    <message>
        <source>&amp;Recipient:</source>
        <translation>收件人(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Carrier:</source>
        <translation>快递公司(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Tracking number:</source>
        <translation>运单号(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Hand out and print the slip</source>
        <translation>出件并打印出件单(&amp;H)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>HandoutSlip</name>
    <message>
        <source>Hand-out slip</source>
        <translation>出件单</translation>
    </message>
    <message>
        <source>Dispatch slip</source>
        <translation>邮寄送达单</translation>
    </message>
    <message>
        <source>The stored slip has an unknown format.</source>
        <translation>存储的出件单格式无法识别。</translation>
    </message>
    <message>
        <source>The stored slip has an unknown kind &quot;%1&quot;.</source>
        <translation>存储的出件单类别“%1”无法识别。</translation>
    </message>
    <message>
        <source>The stored slip has an unknown specimen mark &quot;%1&quot;.</source>
        <translation>存储的出件单样本标记“%1”无法识别。</translation>
    </message>
    <message>
        <source>The stored slip is incomplete (case or issue time missing).</source>
        <translation>存储的出件单不完整（缺少案件或出具时间）。</translation>
    </message>
</context>
<context>
    <name>IdNumber</name>
    <message>
        <source>A 15-digit ID number may contain digits only.</source>
        <translation>15 位身份号码只能由数字组成。</translation>
    </message>
    <message>
        <source>An ID number has 18 characters (or 15 for old cards); this one has %1.</source>
        <translation>身份号码应为 18 位（旧证 15 位），当前为 %1 位。</translation>
    </message>
    <message>
        <source>The first 17 characters of an ID number must be digits.</source>
        <translation>身份号码前 17 位必须是数字。</translation>
    </message>
    <message>
        <source>The last character of an ID number must be a digit or X.</source>
        <translation>身份号码最后一位必须是数字或 X。</translation>
    </message>
    <message>
        <source>%1 is not a known region code.</source>
        <translation>%1 不是有效的地址码。</translation>
    </message>
    <message>
        <source>The birth date %1 in this ID number does not exist.</source>
        <translation>身份号码中的出生日期 %1 不存在。</translation>
    </message>
    <message>
        <source>The birth date %1 in this ID number is in the future.</source>
        <translation>身份号码中的出生日期 %1 晚于今天。</translation>
    </message>
    <message>
        <source>This ID number does not pass the check digit test: one of its characters was mistyped, and the check cannot tell which. Compare it digit by digit with the card.</source>
        <translation>该身份证号码未通过校验码校验：有字符录入错误，但校验无法判断是哪一位。请对照证件逐位核对。</translation>
    </message>
</context>
<context>
    <name>IdentityPanel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Nation / nationality</source>
        <translation>民族 / 国籍</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份号码</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效期限</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Show &amp;full</source>
        <translation>显示完整(&amp;F)</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>清除(&amp;L)</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <source>Place demo card (F11)</source>
        <translation>放置演示身份证(F11)</translation>
    </message>
    <message>
        <source>Continue a case (Ctrl+O)</source>
        <translation>接续办理(Ctrl+O)</translation>
    </message>
    <message>
        <source>Scan or paste the QR code of a one-time notice to continue the same case</source>
        <translation>扫描或粘贴一次性告知书上的二维码，接续办理原案件</translation>
    </message>
    <message>
        <source>New case (Ctrl+N)</source>
        <translation>新建案件(Ctrl+N)</translation>
    </message>
    <message>
        <source>Send the result by courier</source>
        <translation>办理结果快递送达</translation>
    </message>
    <message>
        <source>Accept (F5)</source>
        <translation>受理(F5)</translation>
    </message>
    <message>
        <source>Accept with 容缺 (F6)</source>
        <translation>容缺受理(F6)</translation>
    </message>
    <message>
        <source>One-time notice (F7)</source>
        <translation>一次性告知(F7)</translation>
    </message>
    <message>
        <source>Refuse (F8)</source>
        <translation>不予受理(F8)</translation>
    </message>
</context>
<context>
    <name>KeyRing</name>
    <message>
        <source>The key list is not valid JSON.</source>
        <translation>公钥列表不是有效的 JSON。</translation>
    </message>
    <message>
        <source>The public key of %1 is not a valid Ed25519 key.</source>
        <translation>%1 的公钥不是有效的 Ed25519 公钥。</translation>
    </message>
    <message>
        <source>Cannot read the key list %1: %2</source>
        <translation>无法读取公钥列表 %1：%2</translation>
    </message>
    <message>
        <source>Window key &quot;%1&quot; is unknown here: the receipt cannot be checked (update the key list).</source>
        <translation>未知的窗口密钥“%1”，无法核验该回执（请更新公钥列表）。</translation>
    </message>
    <message>
        <source>The signature does not match: this receipt was altered or forged.</source>
        <translation>签名不符：该回执已被篡改或系伪造。</translation>
    </message>
    <message>
        <source>The revoked key of %1 in the key list is damaged.</source>
        <translation>公钥列表中 %1 的已吊销公钥已损坏。</translation>
    </message>
    <message>
        <source>Window key &quot;%1&quot; was revoked on %2 and this receipt is dated %3: it is not genuine.</source>
        <translation>窗口密钥“%1”已于 %2 吊销，而该回执的出具日期为 %3：回执无效，不予认可。</translation>
    </message>
    <message>
        <source>The rating key in the key list is damaged.</source>
        <translation>公钥列表中的评价密钥已损坏。</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Please choose your service</source>
        <translation>请选择办理的业务</translation>
    </message>
    <message>
        <source>Without ID card</source>
        <translation>不使用身份证</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>您的号码</translation>
    </message>
    <message>
        <source>Print again</source>
        <translation>重新打印</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Coming back with a notice or receipt? Hold its QR code under the scanner.</source>
        <translation>持通知书或回执再次来办？请将二维码对准扫码器。</translation>
    </message>
</context>
<context>
    <name>LicenceQr</name>
    <message>
        <source>This is not a business licence code.</source>
        <translation>这不是营业执照上的二维码。</translation>
    </message>
    <message>
        <source>This code holds no valid unified social credit code (GB 32100).</source>
        <translation>该码中没有有效的统一社会信用代码（GB 32100）。</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>This window is locked</source>
        <translation>本窗口已锁定</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>OneWindow — comprehensive acceptance window</source>
        <translation>一窗受理 — 综合窗口</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>功能区</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;About OneWindow</source>
        <translation>关于一窗受理(&amp;A)</translation>
    </message>
</context>
<context>
    <name>MaterialPages</name>
    <message>
        <source>No pages have been scanned for this material.</source>
        <translation>该材料尚未扫描任何页面。</translation>
    </message>
</context>
<context>
    <name>MatterSearchPanel</name>
    <message>
        <source>Matter (F3)</source>
        <translation>事项(F3)</translation>
    </message>
    <message>
        <source>Name, pinyin initials (kcg = 开餐馆), pinyin or code</source>
        <translation>名称、拼音首字母（kcg = 开餐馆）、全拼或事项编码</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
</context>
<context>
    <name>OfflineVerifier</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>No random numbers for the offline sign-in.</source>
        <translation>无法为离线登录生成随机数。</translation>
    </message>
    <message>
        <source>The offline sign-in could not be prepared (PBKDF2 failed).</source>
        <translation>无法准备离线登录（PBKDF2 计算失败）。</translation>
    </message>
</context>
<context>
    <name>OverviewCsv</name>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Window name</source>
        <translation>窗口名称</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>取号数</translation>
    </message>
    <message>
        <source>Average wait (min)</source>
        <translation>平均等候（分钟）</translation>
    </message>
    <message>
        <source>P90 wait (min)</source>
        <translation>90%等候（分钟）</translation>
    </message>
    <message>
        <source>Average handling (min)</source>
        <translation>平均办理（分钟）</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Accepted with tolerance (容缺)</source>
        <translation>容缺受理</translation>
    </message>
    <message>
        <source>One-time notices</source>
        <translation>一次性告知</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>Cases with a result</source>
        <translation>办结件数</translation>
    </message>
    <message>
        <source>Done in at most one visit</source>
        <translation>最多跑一次件数</translation>
    </message>
    <message>
        <source>Share done in one visit (%)</source>
        <translation>最多跑一次占比（%）</translation>
    </message>
    <message>
        <source>All windows</source>
        <translation>全部窗口</translation>
    </message>
</context>
<context>
    <name>PageImporter</name>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 is too large (%2 MB) to import.</source>
        <translation>%1 过大（%2 MB），无法导入。</translation>
    </message>
    <message>
        <source>%1 is empty (0 bytes).</source>
        <translation>%1 是空文件（0 字节）。</translation>
    </message>
    <message>
        <source>%1 is not a supported file (JPEG, PNG, TIFF or PDF are accepted).</source>
        <translation>%1 的文件格式不受支持（仅接受 JPEG、PNG、TIFF 或 PDF）。</translation>
    </message>
    <message>
        <source>%1 cannot be imported: no room for a temporary copy.</source>
        <translation>%1 无法导入：没有空间存放临时副本。</translation>
    </message>
    <message>
        <source>%1 is a damaged JPEG file.</source>
        <translation>%1 是已损坏的 JPEG 文件。</translation>
    </message>
    <message>
        <source>%1 is cut short (an incomplete JPEG file).</source>
        <translation>%1 不完整（JPEG 文件被截断）。</translation>
    </message>
    <message>
        <source>%1 is damaged or not a readable image.</source>
        <translation>%1 已损坏，或不是可读取的图片。</translation>
    </message>
    <message>
        <source>%1 has more than %2 pages.</source>
        <translation>%1 超过 %2 页。</translation>
    </message>
    <message>
        <source>Page %1 of %2 cannot be read.</source>
        <translation>无法读取 %2 的第 %1 页。</translation>
    </message>
    <message>
        <source>%1 is too large to import (%2 × %3 pixels).</source>
        <translation>%1 过大（%2 × %3 像素），无法导入。</translation>
    </message>
    <message>
        <source>%1 is damaged or not a readable image (%2).</source>
        <translation>%1 已损坏，或不是可读取的图片（%2）。</translation>
    </message>
    <message>
        <source>%1 is a damaged PDF file.</source>
        <translation>%1 是已损坏的 PDF 文件。</translation>
    </message>
    <message>
        <source>%1 is a PDF file without pages.</source>
        <translation>%1 是没有页面的 PDF 文件。</translation>
    </message>
    <message>
        <source>Page %1 of %2 is too large to import.</source>
        <translation>%2 的第 %1 页过大，无法导入。</translation>
    </message>
    <message>
        <source>%1 is a PDF file, and PDF files cannot be imported here: %2</source>
        <translation>%1 是 PDF 文件，此处无法导入 PDF 文件：%2</translation>
    </message>
    <message>
        <source>the PDF support is not loaded.</source>
        <translation>PDF 组件未加载。</translation>
    </message>
</context>
<context>
    <name>Party</name>
    <message>
        <source>The applicant&apos;s name is missing.</source>
        <translation>缺少申请人姓名。</translation>
    </message>
    <message>
        <source>The company&apos;s name is missing.</source>
        <translation>缺少企业名称。</translation>
    </message>
    <message>
        <source>A permanent residence permit number has 3 letters and 12 digits; &quot;%1&quot; does not.</source>
        <translation>外国人永久居留身份证号码应为 3 个字母加 12 位数字，“%1”不符合。</translation>
    </message>
    <message>
        <source>Resident ID card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <source>Foreigner&apos;s permanent residence ID card</source>
        <translation>外国人永久居留身份证</translation>
    </message>
    <message>
        <source>Residence permit for Hong Kong, Macao and Taiwan residents</source>
        <translation>港澳台居民居住证</translation>
    </message>
    <message>
        <source>valid from %1, long-term</source>
        <translation>有效期 %1 起长期</translation>
    </message>
    <message>
        <source>valid long-term</source>
        <translation>有效期长期</translation>
    </message>
    <message>
        <source>valid until %1</source>
        <translation>有效期至 %1</translation>
    </message>
    <message>
        <source>valid %1 to %2</source>
        <translation>有效期 %1 至 %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>%1 (valid until %2, expired)</source>
        <translation>%1（有效期至 %2，已过期）</translation>
    </message>
    <message>
        <source>%1 (valid only from %2, not yet valid)</source>
        <translation>%1（自 %2 起有效，尚未生效）</translation>
    </message>
    <message>
        <source>bring a valid resident ID card, or a temporary resident ID card (临时居民身份证) issued by the police station of the household registration while the new card is being made</source>
        <translation>请携带有效的居民身份证，或新证办理期间由户籍所在地公安派出所开具的临时居民身份证</translation>
    </message>
    <message>
        <source>bring the renewed foreigner&apos;s permanent residence ID card, or the acceptance receipt for its renewal from the exit-entry administration together with a valid passport</source>
        <translation>请携带换发后的外国人永久居留身份证，或出入境管理部门出具的换证受理回执及有效护照</translation>
    </message>
    <message>
        <source>bring the renewed residence permit, or a valid Mainland travel permit for Hong Kong and Macao residents / for Taiwan residents</source>
        <translation>请携带换发后的居住证，或有效的港澳居民来往内地通行证／台湾居民来往大陆通行证</translation>
    </message>
    <message>
        <source>bring a valid identity document</source>
        <translation>请携带有效身份证件</translation>
    </message>
    <message>
        <source>identity document</source>
        <translation>身份证件</translation>
    </message>
    <message>
        <source>the %1 of %2 expired on %3</source>
        <translation>%2的%1已于 %3 过期</translation>
    </message>
    <message>
        <source>the %1 of %2 is valid only from %3</source>
        <translation>%2的%1自 %3 起才生效</translation>
    </message>
</context>
<context>
    <name>PdfAssembler</name>
    <message>
        <source>There are no pages to put into a PDF.</source>
        <translation>没有可生成 PDF 的页面。</translation>
    </message>
    <message>
        <source>The first page has a size a PDF cannot hold.</source>
        <translation>第一页的尺寸无法写入 PDF。</translation>
    </message>
    <message>
        <source>The PDF cannot be written.</source>
        <translation>无法生成 PDF。</translation>
    </message>
    <message>
        <source>Page %1 has no picture.</source>
        <translation>第 %1 页没有图像。</translation>
    </message>
</context>
<context>
    <name>PdfPlugin</name>
    <message>
        <source>The PDF viewer cannot be loaded: %1</source>
        <translation>PDF 查看组件无法加载：%1</translation>
    </message>
    <message>
        <source>The PDF viewer %1 does not fit this version of OneWindow.</source>
        <translation>PDF 查看组件 %1 与本版本一窗受理不匹配。</translation>
    </message>
    <message>
        <source>The PDF viewer is not installed (looked for %1).</source>
        <translation>PDF 查看组件未安装（已查找 %1）。</translation>
    </message>
</context>
<context>
    <name>PdfRenderer</name>
    <message>
        <source>Cannot start the PDF.</source>
        <translation>无法生成 PDF。</translation>
    </message>
    <message>
        <source>Applicant&apos;s signature:</source>
        <translation>申请人签字：</translation>
    </message>
    <message>
        <source>(Office seal)</source>
        <translation>（受理单位盖章）</translation>
    </message>
    <message>
        <source>Writing the PDF failed.</source>
        <translation>写入 PDF 失败。</translation>
    </message>
    <message>
        <source>%1 · page %2</source>
        <translation>%1 · 第 %2 页</translation>
    </message>
    <message>
        <source>Collector&apos;s signature:</source>
        <translation>领取人签名：</translation>
    </message>
</context>
<context>
    <name>PdfTextLayer</name>
    <message>
        <source>A ToUnicode map of the PDF is not closed.</source>
        <translation>PDF 的 ToUnicode 映射表没有结束标记。</translation>
    </message>
    <message>
        <source>A ToUnicode map of the PDF has a code that is not 4 hex digits.</source>
        <translation>PDF 的 ToUnicode 映射表中有不是 4 位十六进制数的编码。</translation>
    </message>
    <message>
        <source>A ToUnicode map of the PDF is not as expected.</source>
        <translation>PDF 的 ToUnicode 映射表格式与预期不符。</translation>
    </message>
    <message>
        <source>A ToUnicode range of the PDF cannot be corrected in place.</source>
        <translation>PDF 的 ToUnicode 连续区间无法原位修正。</translation>
    </message>
</context>
<context>
    <name>PinyinTable</name>
    <message>
        <source>pinyin table line %1: expected &quot;syllable&lt;TAB&gt;characters&quot;</source>
        <translation>拼音表第 %1 行：格式应为“音节&lt;TAB&gt;汉字”</translation>
    </message>
    <message>
        <source>pinyin table line %1: &apos;%2&apos; is not a CJK unified ideograph</source>
        <translation>拼音表第 %1 行：“%2”不是 CJK 统一汉字</translation>
    </message>
    <message>
        <source>pinyin word list line %1: expected the word and one syllable per character</source>
        <translation>拼音词表第 %1 行：应为词语及其每个字对应的一个音节</translation>
    </message>
    <message>
        <source>the embedded pinyin table is missing</source>
        <translation>缺少内置拼音表</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <comment>All other platforms</comment>
        <translation>快捷方式</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>QrMatrix</name>
    <message>
        <source>Nothing to put in the QR code.</source>
        <translation>二维码内容为空。</translation>
    </message>
    <message>
        <source>The QR code cannot hold this text: %1</source>
        <translation>二维码无法容纳该内容：%1</translation>
    </message>
</context>
<context>
    <name>QrPayload</name>
    <message>
        <source>This QR code is not a OneWindow receipt or notice.</source>
        <translation>该二维码不是一窗受理的回执或告知书。</translation>
    </message>
    <message>
        <source>The QR code is incomplete or has extra fields.</source>
        <translation>二维码内容不完整或含多余字段。</translation>
    </message>
    <message>
        <source>Field &quot;%1&quot; of the QR code is missing or malformed.</source>
        <translation>二维码字段“%1”缺失或格式错误。</translation>
    </message>
    <message>
        <source>Unknown document kind &quot;%1&quot; in the QR code.</source>
        <translation>二维码中的文书类型“%1”无法识别。</translation>
    </message>
    <message>
        <source>The date in the QR code is not valid.</source>
        <translation>二维码中的日期无效。</translation>
    </message>
    <message>
        <source>The signature in the QR code is damaged.</source>
        <translation>二维码中的签名已损坏。</translation>
    </message>
    <message>
        <source>The QR code is not in canonical form; it may have been altered.</source>
        <translation>二维码格式不规范，可能已被篡改。</translation>
    </message>
    <message>
        <source>This QR code is of the first OneWindow format, which does not cover the whole document; look the case up by its number instead.</source>
        <translation>此二维码为一窗受理早期格式，不能校验整份文书；请按案件编号查询。</translation>
    </message>
    <message>
        <source>The document digest in the QR code is damaged.</source>
        <translation>二维码中的文书摘要已损坏。</translation>
    </message>
</context>
<context>
    <name>QuestionsPanel</name>
    <message>
        <source>Situation questions (F4)</source>
        <translation>情形问题(F4)</translation>
    </message>
    <message>
        <source>No questions: the matter applies as it is.</source>
        <translation>无情形问题：按事项标准情形办理。</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <source>Queue</source>
        <translation>排队叫号</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>号票</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>业务</translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation>取号时间</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等候</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先</translation>
    </message>
    <message>
        <source>No one is waiting at this window.</source>
        <translation>本窗口当前无人等候。</translation>
    </message>
    <message>
        <source>At this window</source>
        <translation>本窗口当前号</translation>
    </message>
</context>
<context>
    <name>Rating</name>
    <message>
        <source>I&apos;d rather not rate</source>
        <translation>不评价</translation>
    </message>
    <message>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Fairly satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <source>Service efficiency</source>
        <translation>服务效率</translation>
    </message>
    <message>
        <source>Service competence</source>
        <translation>服务水平</translation>
    </message>
    <message>
        <source>Service attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <source>The matter&apos;s guide</source>
        <translation>办事指南</translation>
    </message>
    <message>
        <source>The rating is of an unknown service &quot;%1&quot;.</source>
        <translation>评价所针对的服务“%1”无法识别。</translation>
    </message>
    <message>
        <source>The rating has an unknown level &quot;%1&quot;.</source>
        <translation>评价等级“%1”无法识别。</translation>
    </message>
    <message>
        <source>The rating has an unknown reason &quot;%1&quot;.</source>
        <translation>评价原因“%1”无法识别。</translation>
    </message>
    <message>
        <source>Only a bad rating gives reasons or text.</source>
        <translation>只有“不满意”和“非常不满意”才填写原因和意见。</translation>
    </message>
    <message>
        <source>The rating is incomplete (case or time missing).</source>
        <translation>评价不完整（缺少案件或时间）。</translation>
    </message>
</context>
<context>
    <name>RatingPrompt</name>
    <message>
        <source>Please rate our service</source>
        <translation>请对本次服务进行评价</translation>
    </message>
    <message>
        <source>What was not good? (choose any)</source>
        <translation>哪些方面不满意？（可多选）</translation>
    </message>
    <message>
        <source>Tell us more (optional)</source>
        <translation>您的意见和建议（选填）</translation>
    </message>
    <message>
        <source>I&apos;d rather not rate</source>
        <translation>不评价</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交评价</translation>
    </message>
</context>
<context>
    <name>RatingSeal</name>
    <message>
        <source>No random bytes for a rating key.</source>
        <translation>无法取得生成评价密钥所需的随机数。</translation>
    </message>
    <message>
        <source>The rating key cannot be made.</source>
        <translation>无法生成评价密钥。</translation>
    </message>
    <message>
        <source>The rating key is not an X25519 key.</source>
        <translation>评价密钥不是 X25519 密钥。</translation>
    </message>
    <message>
        <source>The back office&apos;s rating key is not an X25519 key.</source>
        <translation>后台的评价密钥不是 X25519 密钥。</translation>
    </message>
    <message>
        <source>No key could be made to seal the rating.</source>
        <translation>无法生成加密评价所需的密钥。</translation>
    </message>
    <message>
        <source>The rating could not be sealed (key agreement failed).</source>
        <translation>评价无法加密（密钥协商失败）。</translation>
    </message>
    <message>
        <source>No random bytes to seal the rating.</source>
        <translation>无法取得加密评价所需的随机数。</translation>
    </message>
    <message>
        <source>The rating could not be sealed.</source>
        <translation>评价无法加密。</translation>
    </message>
    <message>
        <source>This is not a sealed rating.</source>
        <translation>这不是加密的评价。</translation>
    </message>
    <message>
        <source>The rating is sealed to key %1, not to this back office&apos;s key.</source>
        <translation>该评价是用密钥 %1 加密的，不是本后台的密钥。</translation>
    </message>
    <message>
        <source>The sealed rating is damaged.</source>
        <translation>加密的评价已损坏。</translation>
    </message>
    <message>
        <source>The sealed rating does not open.</source>
        <translation>加密的评价无法解密。</translation>
    </message>
    <message>
        <source>The sealed rating does not open: altered, or not of this case and service.</source>
        <translation>加密的评价无法解密：已被篡改，或不属于本案件和本项服务。</translation>
    </message>
    <message>
        <source>The sealed rating is not a rating.</source>
        <translation>解密后的内容不是评价。</translation>
    </message>
    <message>
        <source>The sealed rating is of another case or service.</source>
        <translation>该评价属于其他案件或其他服务。</translation>
    </message>
</context>
<context>
    <name>ReceiptDocument</name>
    <message>
        <source>Acceptance receipt</source>
        <translation>受理回执</translation>
    </message>
    <message>
        <source>One-time notice of missing materials</source>
        <translation>一次性告知书</translation>
    </message>
    <message>
        <source>Notice of conditional acceptance (materials to supplement)</source>
        <translation>容缺受理通知书</translation>
    </message>
    <message>
        <source>Notice of non-acceptance</source>
        <translation>不予受理通知书</translation>
    </message>
    <message>
        <source>The stored document has an unknown format.</source>
        <translation>保存的文书格式无法识别。</translation>
    </message>
    <message>
        <source>The stored document has an unknown kind &quot;%1&quot;.</source>
        <translation>保存的文书类别“%1”无法识别。</translation>
    </message>
    <message>
        <source>The stored document is incomplete (case or issue time missing).</source>
        <translation>保存的文书不完整（缺少案件或出具时间）。</translation>
    </message>
    <message>
        <source>SAMPLE — not a valid document</source>
        <translation>样本 · 无效凭证</translation>
    </message>
    <message>
        <source>DEMO — not a valid document</source>
        <translation>演示 · 无效凭证</translation>
    </message>
    <message>
        <source>The stored document has an unknown specimen mark &quot;%1&quot;.</source>
        <translation>保存的文书带有无法识别的样本标记“%1”。</translation>
    </message>
    <message>
        <source>Provisional acceptance receipt</source>
        <translation>临时受理凭证</translation>
    </message>
</context>
<context>
    <name>ReplyMessage</name>
    <message>
        <source>The back office at %1 refused the connection (is it running?).</source>
        <translation>后台 %1 拒绝连接（后台是否在运行？）。</translation>
    </message>
    <message>
        <source>The back office&apos;s host %1 was not found (check the address and the network).</source>
        <translation>找不到后台主机 %1（请检查地址和网络）。</translation>
    </message>
    <message>
        <source>The back office at %1 did not answer in time.</source>
        <translation>后台 %1 未及时响应。</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed (certificate not trusted or TLS error): %2</source>
        <translation>与 %1 的安全连接失败（证书不受信任或 TLS 错误）：%2</translation>
    </message>
    <message>
        <source>No network connection to the back office at %1.</source>
        <translation>无法通过网络连接后台 %1。</translation>
    </message>
    <message>
        <source>The back office at %1 could not be reached: %2</source>
        <translation>无法连接后台 %1：%2</translation>
    </message>
    <message>
        <source>The back office answered %1: %2</source>
        <translation>后台返回 %1：%2</translation>
    </message>
    <message>
        <source>The back office answered %1 unexpectedly.</source>
        <translation>后台意外返回 %1。</translation>
    </message>
</context>
<context>
    <name>SaneSession</name>
    <message>
        <source>the scanner has no setting &quot;%1&quot;</source>
        <translation>扫描仪没有“%1”这项设置</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number for &quot;%2&quot;</source>
        <translation>“%1”不是“%2”可用的数值</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be set to &quot;%2&quot;</source>
        <translation>“%1”不能设为“%2”</translation>
    </message>
    <message>
        <source>There is no paper in the document feeder.</source>
        <translation>自动进纸器中没有纸张。</translation>
    </message>
    <message>
        <source>Paper jam in the scanner. Clear it, then scan the remaining pages.</source>
        <translation>扫描仪卡纸。请取出卡住的纸张，再扫描剩余页面。</translation>
    </message>
    <message>
        <source>The scanner&apos;s cover is open.</source>
        <translation>扫描仪盖板未合上。</translation>
    </message>
    <message>
        <source>The scanner is busy (another program may be using it).</source>
        <translation>扫描仪正忙（可能有其他程序正在使用）。</translation>
    </message>
    <message>
        <source>Access to the scanner was denied (check the udev rule or sign in again).</source>
        <translation>无权使用扫描仪（请检查 udev 规则，或重新登录）。</translation>
    </message>
    <message>
        <source>The scanner stopped answering (unplugged or switched off?).</source>
        <translation>扫描仪无响应（是否已拔出或关机？）。</translation>
    </message>
    <message>
        <source>Not enough memory to scan.</source>
        <translation>内存不足，无法扫描。</translation>
    </message>
    <message>
        <source>The scan was cancelled.</source>
        <translation>扫描已取消。</translation>
    </message>
    <message>
        <source>The scanner reported an error: %1</source>
        <translation>扫描仪报告错误：%1</translation>
    </message>
    <message>
        <source>The scanner library (SANE) cannot be started.</source>
        <translation>无法启动扫描仪驱动库（SANE）。</translation>
    </message>
    <message>
        <source>No scanner found. Check that it is plugged in and switched on.</source>
        <translation>未找到扫描仪。请检查是否已连接并开机。</translation>
    </message>
    <message>
        <source>No scanner &quot;%1&quot; found. Check that it is plugged in and switched on.</source>
        <translation>未找到扫描仪“%1”。请检查是否已连接并开机。</translation>
    </message>
    <message>
        <source>This scanner has no document feeder.</source>
        <translation>该扫描仪没有自动进纸器。</translation>
    </message>
    <message>
        <source>The scanner cannot be set up: %1.</source>
        <translation>无法设置扫描仪：%1。</translation>
    </message>
    <message>
        <source>The scanner stopped sending data (timed out).</source>
        <translation>扫描仪停止传送数据（已超时）。</translation>
    </message>
    <message>
        <source>The scanner sent a page this program cannot read.</source>
        <translation>扫描仪传来的页面无法读取。</translation>
    </message>
    <message>
        <source>The page is too large to scan at %1 dpi.</source>
        <translation>页面过大，无法以 %1 dpi 扫描。</translation>
    </message>
    <message>
        <source>The scanner sent an empty page.</source>
        <translation>扫描仪传来的是空白页。</translation>
    </message>
</context>
<context>
    <name>ScanPanel</name>
    <message>
        <source>Pages of</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Material the pages belong to</source>
        <translation>页面所属材料</translation>
    </message>
    <message>
        <source>Scanner source</source>
        <translation>扫描方式</translation>
    </message>
    <message>
        <source>Flatbed</source>
        <translation>平板</translation>
    </message>
    <message>
        <source>Document feeder</source>
        <translation>自动进纸</translation>
    </message>
    <message>
        <source>&amp;Scan</source>
        <translation>扫描(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <source>Scanned pages</source>
        <translation>已扫描页面</translation>
    </message>
    <message>
        <source>◀ Earlier</source>
        <translation>◀ 前移</translation>
    </message>
    <message>
        <source>Move the page earlier (Ctrl+Left)</source>
        <translation>将本页前移（Ctrl+←）</translation>
    </message>
    <message>
        <source>Later ▶</source>
        <translation>后移 ▶</translation>
    </message>
    <message>
        <source>Move the page later (Ctrl+Right)</source>
        <translation>将本页后移（Ctrl+→）</translation>
    </message>
    <message>
        <source>⟲ Turn left</source>
        <translation>⟲ 左转</translation>
    </message>
    <message>
        <source>Turn the page a quarter to the left ([)</source>
        <translation>将本页向左旋转 90°（[）</translation>
    </message>
    <message>
        <source>Turn right ⟳</source>
        <translation>右转 ⟳</translation>
    </message>
    <message>
        <source>Turn the page a quarter to the right (])</source>
        <translation>将本页向右旋转 90°（]）</translation>
    </message>
    <message>
        <source>Delete page</source>
        <translation>删除本页</translation>
    </message>
    <message>
        <source>Delete the page (Delete)</source>
        <translation>删除本页（Delete）</translation>
    </message>
    <message>
        <source>&amp;Attach to the case</source>
        <translation>归入案件(&amp;A)</translation>
    </message>
    <message>
        <source>Scan progress</source>
        <translation>扫描进度</translation>
    </message>
    <message>
        <source>Scan status</source>
        <translation>扫描状态</translation>
    </message>
    <message>
        <source>Preview: + / − zoom · 0 fit the width · Page Up / Page Down turn the page</source>
        <translation>预览：+ / − 缩放 · 0 适合宽度 · Page Up / Page Down 翻页</translation>
    </message>
    <message>
        <source>Preview of the material&apos;s PDF</source>
        <translation>材料 PDF 预览</translation>
    </message>
</context>
<context>
    <name>Sealer</name>
    <message>
        <source>The data key %1 is damaged (expected %2 bytes, found %3). Restore it from the backup; without it the personal data in the store cannot be read.</source>
        <translation>数据密钥 %1 已损坏（应为 %2 字节，实为 %3 字节）。请从备份恢复；没有它，本地库中的个人信息无法读取。</translation>
    </message>
    <message>
        <source>Cannot read the data key %1: %2</source>
        <translation>无法读取数据密钥 %1：%2</translation>
    </message>
    <message>
        <source>Cannot make the data key: the system&apos;s random source failed (OpenSSL).</source>
        <translation>无法生成数据密钥：系统随机数源出错（OpenSSL）。</translation>
    </message>
    <message>
        <source>Cannot write the data key in %1: %2</source>
        <translation>无法在 %1 中写入数据密钥：%2</translation>
    </message>
    <message>
        <source>Cannot write the data key %1: %2</source>
        <translation>无法写入数据密钥 %1：%2</translation>
    </message>
    <message>
        <source>Cannot read the data key %1.</source>
        <translation>无法读取数据密钥 %1。</translation>
    </message>
    <message>
        <source>The data key is not usable (wrong size).</source>
        <translation>数据密钥不可用（长度不对）。</translation>
    </message>
    <message>
        <source>Sealing failed (OpenSSL).</source>
        <translation>加密失败（OpenSSL）。</translation>
    </message>
    <message>
        <source>A sealed value is too short (%1 bytes, at least %2): the store is damaged.</source>
        <translation>加密数据过短（%1 字节，至少应有 %2 字节）：本地库已损坏。</translation>
    </message>
    <message>
        <source>A sealed value has an unknown format (version %1).</source>
        <translation>加密数据格式无法识别（版本 %1）。</translation>
    </message>
    <message>
        <source>Opening a sealed value failed (OpenSSL).</source>
        <translation>解密失败（OpenSSL）。</translation>
    </message>
    <message>
        <source>A sealed value does not open: it was altered, belongs elsewhere, or the data key is not the one it was sealed with.</source>
        <translation>加密数据无法解开：数据被改动、不属于此处，或数据密钥不是加密时所用的那一把。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
</context>
<context>
    <name>SlipLayout</name>
    <message>
        <source>SAMPLE — not a valid document</source>
        <translation>样本——非有效文书</translation>
    </message>
    <message>
        <source>DEMO — not a valid document</source>
        <translation>演示——非有效文书</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Collected by (agent)</source>
        <translation>代领人</translation>
    </message>
    <message>
        <source>The applicant&apos;s letter of authorisation was taken in.</source>
        <translation>已收取申请人的授权委托书。</translation>
    </message>
    <message>
        <source>Collected by</source>
        <translation>领取人</translation>
    </message>
    <message>
        <source>the applicant in person</source>
        <translation>申请人本人</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Handed out</source>
        <translation>发放清单</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>寄送清单</translation>
    </message>
    <message>
        <source>decision letter: %1</source>
        <translation>决定书：%1</translation>
    </message>
    <message>
        <source>result: %1</source>
        <translation>结果：%1</translation>
    </message>
    <message>
        <source>Visits until the result</source>
        <translation>办结前到场次数</translation>
    </message>
    <message>
        <source>1 (at most one visit)</source>
        <translation>1（最多跑一次）</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>StationQueueJournal</name>
    <message>
        <source>The day&apos;s %1 tickets are all taken (999).</source>
        <translation>今日 %1 字头的号码已全部发完（999 个）。</translation>
    </message>
    <message>
        <source>There is no such ticket.</source>
        <translation>没有这张排队号。</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>The SQLite driver for Qt is missing (install libqt6sql6-sqlite).</source>
        <translation>缺少 Qt 的 SQLite 驱动（请安装 libqt6sql6-sqlite）。</translation>
    </message>
    <message>
        <source>Cannot open the store %1: %2</source>
        <translation>无法打开本地库 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a OneWindow store or is damaged: %2</source>
        <translation>%1 不是一窗受理的本地库或已损坏：%2</translation>
    </message>
    <message>
        <source>%1 is not a OneWindow store or is damaged.</source>
        <translation>%1 不是一窗受理的本地库或已损坏。</translation>
    </message>
    <message>
        <source>The store %1 was written by a newer OneWindow (schema %2; this version knows up to %3). Update OneWindow; the store has not been changed.</source>
        <translation>本地库 %1 由更新版本的一窗受理写入（结构版本 %2，本版本最高支持 %3）。请升级软件；本地库未被改动。</translation>
    </message>
    <message>
        <source>Cannot upgrade the store %1: %2</source>
        <translation>无法升级本地库 %1：%2</translation>
    </message>
    <message>
        <source>The store is busy or read-only: %1</source>
        <translation>本地库忙或只读：%1</translation>
    </message>
    <message>
        <source>Saving failed: %1</source>
        <translation>保存失败：%1</translation>
    </message>
    <message>
        <source>Cannot create the store %1: %2</source>
        <translation>无法创建本地库 %1：%2</translation>
    </message>
    <message>
        <source>Unknown synchronous mode %1 (FULL, NORMAL or EXTRA).</source>
        <translation>未知的同步模式 %1（应为 FULL、NORMAL 或 EXTRA）。</translation>
    </message>
    <message>
        <source>The store %1 is busy (another program holds it): %2</source>
        <translation>本地库 %1 正被其他程序占用：%2</translation>
    </message>
</context>
<context>
    <name>StoreLock</name>
    <message>
        <source>Another OneWindow is already using the store in %1: process %2 (%3) on %4. Close that one first; two clients on one store would overwrite each other&apos;s cases.</source>
        <translation>另一个一窗受理客户端正在使用 %1 中的本地库：%4 上的进程 %2（%3）。请先关闭它；两个客户端共用一个本地库会互相覆盖案件。</translation>
    </message>
    <message>
        <source>Another OneWindow is already using the store in %1 (lock file %2). Close that one first.</source>
        <translation>另一个一窗受理客户端正在使用 %1 中的本地库（锁文件 %2）。请先关闭它。</translation>
    </message>
    <message>
        <source>Cannot lock the store in %1 (%2): check the folder&apos;s permissions.</source>
        <translation>无法锁定 %1 中的本地库（%2）：请检查该文件夹的权限。</translation>
    </message>
</context>
<context>
    <name>SupervisorChartsPlugin</name>
    <message>
        <source>The charts cannot be loaded: %1</source>
        <translation>图表无法加载：%1</translation>
    </message>
    <message>
        <source>%1 does not fit this version of OneWindow.</source>
        <translation>%1 与本版本一窗受理不匹配。</translation>
    </message>
    <message>
        <source>The charts are not installed (looked for %1).</source>
        <translation>图表组件未安装（已查找 %1）。</translation>
    </message>
</context>
<context>
    <name>SupervisorOverview</name>
    <message>
        <source>The back office&apos;s overview is not understood (%1.%2).</source>
        <translation>无法解读后台返回的督办概览（%1.%2）。</translation>
    </message>
</context>
<context>
    <name>SupervisorPage</name>
    <message>
        <source>Supervisor</source>
        <translation>督办</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等候</translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation>最长等候</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>刷新（F5）</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Daily report PDF…</source>
        <translation>督办日报 PDF…</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Serving</source>
        <translation>正在办理</translation>
    </message>
    <message>
        <source>For</source>
        <translation>已办时长</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>最近同步</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Near</source>
        <translation>临期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Promised</source>
        <translation>承诺日期</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>To bring</source>
        <translation>需补材料</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>办件统计</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>取号数</translation>
    </message>
    <message>
        <source>Avg wait (min)</source>
        <translation>平均等候（分钟）</translation>
    </message>
    <message>
        <source>P90 wait (min)</source>
        <translation>90%等候（分钟）</translation>
    </message>
    <message>
        <source>Avg handling (min)</source>
        <translation>平均办理（分钟）</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>容缺</source>
        <translation>容缺</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>告知</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>One visit</source>
        <translation>最多跑一次</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>好差评</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务环节</translation>
    </message>
    <message>
        <source>Rectify by</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Call-back</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>申诉理由</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>申诉时间</translation>
    </message>
    <message>
        <source>Uphold the rating</source>
        <translation>驳回申诉（维持评价）</translation>
    </message>
    <message>
        <source>Remove the rating</source>
        <translation>申诉成立（撤销评价）</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Previous windows</source>
        <translation>上一页窗口</translation>
    </message>
    <message>
        <source>Next windows</source>
        <translation>下一页窗口</translation>
    </message>
</context>
<context>
    <name>SupervisorReport</name>
    <message>
        <source>Page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Not called back</source>
        <translation>未回访</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Unresolved</source>
        <translation>未解决</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>联系不上</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>Supervisor&apos;s daily report</source>
        <translation>督办日报</translation>
    </message>
    <message>
        <source>Cannot start the PDF.</source>
        <translation>无法生成 PDF。</translation>
    </message>
    <message>
        <source>Period: %1 · as of %2 · printed by %3</source>
        <translation>统计期间：%1 · 数据截至 %2 · 打印人 %3</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概况</translation>
    </message>
    <message>
        <source>Tickets called: %1; average wait %2 min, 90% of them waited at most %3 min; average handling %4 min.</source>
        <translation>叫号 %1 人次；平均等候 %2 分钟，90% 的群众等候不超过 %3 分钟；平均办理 %4 分钟。</translation>
    </message>
    <message>
        <source>Accepted %1, accepted with tolerance (容缺) %2, one-time notices %3, refused %4; done in at most one visit: %5 of %6 cases (%7).</source>
        <translation>受理 %1 件，容缺受理 %2 件，一次性告知 %3 件，不予受理 %4 件；最多跑一次：%6 件中 %5 件（%7）。</translation>
    </message>
    <message>
        <source>Items past their promised date: %1; due within 2 working days: %2; supplements overdue: %3; bad ratings: %4; appeals to decide: %5.</source>
        <translation>超过承诺期限的事项 %1 个，2 个工作日内到期 %2 个；补正逾期 %3 件；差评 %4 条；待裁定申诉 %5 条。</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>取号数</translation>
    </message>
    <message>
        <source>Avg wait</source>
        <translation>平均等候</translation>
    </message>
    <message>
        <source>P90 wait</source>
        <translation>90%等候</translation>
    </message>
    <message>
        <source>Avg handling</source>
        <translation>平均办理</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>容缺</source>
        <translation>容缺</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>告知</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>One visit</source>
        <translation>最多跑一次</translation>
    </message>
    <message>
        <source>Outcomes per window (minutes)</source>
        <translation>各窗口办件情况（分钟）</translation>
    </message>
    <message>
        <source>Outcomes per clerk (minutes)</source>
        <translation>各工作人员办件情况（分钟）</translation>
    </message>
    <message>
        <source>Cases near or past their promised date</source>
        <translation>临期及超期办件</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s) late</source>
        <translation>
            <numerusform>超期 %n 个工作日</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s) left</source>
        <translation>
            <numerusform>剩余 %n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Promised</source>
        <translation>承诺日期</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Supplements overdue</source>
        <translation>补正逾期</translation>
    </message>
    <message>
        <source>Supplement</source>
        <translation>补正</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>To bring</source>
        <translation>需补材料</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Bad ratings and rectification</source>
        <translation>差评及整改</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已整改</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>整改中</translation>
    </message>
    <message>
        <source>Appealed</source>
        <translation>已申诉</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Rectify by</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Call-back</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Appeal</source>
        <translation>申诉</translation>
    </message>
    <message>
        <source>Windows now</source>
        <translation>窗口实时状态</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Serving</source>
        <translation>正在办理</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等候人数</translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation>最长等候</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>最近同步</translation>
    </message>
    <message>
        <source>Supervisor&apos;s signature: ____________________</source>
        <translation>督办负责人签字：____________________</translation>
    </message>
    <message>
        <source>Writing the PDF failed.</source>
        <translation>PDF 写入失败。</translation>
    </message>
</context>
<context>
    <name>SupplementDialog</name>
    <message>
        <source>Take in a supplement</source>
        <translation>收取补正材料</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>截止日期：</translation>
    </message>
    <message>
        <source>&amp;Received as:</source>
        <translation>收取方式(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Take in</source>
        <translation>收取(&amp;T)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Tas&amp;k:</source>
        <translation>补正事项(&amp;K)：</translation>
    </message>
</context>
<context>
    <name>SyncJournal</name>
    <message>
        <source>An event from the back office names no case.</source>
        <translation>后台发来的一条事件未注明案件。</translation>
    </message>
    <message>
        <source>Recording a sync conflict failed: %1</source>
        <translation>记录同步冲突失败：%1</translation>
    </message>
    <message>
        <source>Applying an event from the back office failed: %1</source>
        <translation>应用后台事件失败：%1</translation>
    </message>
    <message>
        <source>Storing the events cursor failed: %1</source>
        <translation>保存事件进度失败：%1</translation>
    </message>
    <message>
        <source>Recording the acknowledgement failed: %1</source>
        <translation>登记后台确认失败：%1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Reading the sync journal failed: %1</source>
        <translation>读取同步记录失败：%1</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未说明原因</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Sync with the back office</source>
        <translation>与后台同步</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>复制详情(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the pending cases, the errors and the conflicts as text, e.g. for the back office administrator</source>
        <translation>将待同步案件、错误和冲突复制为文字，例如发给后台管理员</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>TicketSlip</name>
    <message>
        <source>The ticket has no number.</source>
        <translation>号票没有号码。</translation>
    </message>
    <message>
        <source>Queue ticket</source>
        <translation>排队号票</translation>
    </message>
    <message>
        <source>You are next</source>
        <translation>下一位就是您</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting ahead of you</source>
        <translation>
            <numerusform>您前面还有 %n 人等候</numerusform>
        </translation>
    </message>
    <message>
        <source>Taken at %1</source>
        <translation>取号时间：%1</translation>
    </message>
    <message>
        <source>Scan to follow the queue</source>
        <translation>扫码查看排队进度</translation>
    </message>
    <message>
        <source>Please wait for your number to be called.</source>
        <translation>请留意叫号，听到号码后到相应窗口办理。</translation>
    </message>
    <message>
        <source>A missed call can be recalled; keep this ticket.</source>
        <translation>过号可请工作人员重新呼叫，请妥善保管本号票。</translation>
    </message>
</context>
<context>
    <name>Tool</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 处错误</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: valid</source>
        <translation>%1：有效</translation>
    </message>
    <message>
        <source>Items:</source>
        <translation>事项：</translation>
    </message>
    <message>
        <source>Materials (each once):</source>
        <translation>材料（每种只列一次）：</translation>
    </message>
    <message>
        <source>Why each material is needed:</source>
        <translation>各材料的需要原因：</translation>
    </message>
    <message>
        <source>(one set shared by all items)</source>
        <translation>（各事项共用一套）</translation>
    </message>
    <message>
        <source>(e-licence: %1, used)</source>
        <translation>（电子证照：%1，已调取）</translation>
    </message>
    <message>
        <source>(e-licence: %1)</source>
        <translation>（电子证照：%1）</translation>
    </message>
    <message>
        <source>issued within this bundle by %1 %2</source>
        <translation>由本一件事中的 %1 %2 核发</translation>
    </message>
    <message>
        <source>shortfall: %1</source>
        <translation>不足：%1</translation>
    </message>
    <message>
        <source>how to supply: %1</source>
        <translation>获取方式：%1</translation>
    </message>
    <message>
        <source>supplement by %1 (%2 working days allowed, capped by the promised time)</source>
        <translation>%1 前补交（目录允许 %2 个工作日，因承诺时限提前）</translation>
    </message>
    <message>
        <source>supplement by %1 (%2 working days allowed)</source>
        <translation>%1 前补交（目录允许 %2 个工作日）</translation>
    </message>
    <message>
        <source>not confirmed yet</source>
        <translation>尚未确认</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>does not hold</source>
        <translation>不符合</translation>
    </message>
    <message>
        <source>To confirm: %1 %2: %3 [%4]</source>
        <translation>待确认：%1 %2：%3 [%4]</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>结论：%1</translation>
    </message>
    <message>
        <source>Missing: %1</source>
        <translation>缺少：%1</translation>
    </message>
    <message>
        <source>Tolerated (容缺): %1</source>
        <translation>容缺：%1</translation>
    </message>
    <message>
        <source>Supplement within %1 working days, by %2</source>
        <translation>%1 个工作日内补交，截止 %2</translation>
    </message>
    <message>
        <source>Unanswered: %1</source>
        <translation>未回答：%1</translation>
    </message>
    <message>
        <source>Not acceptable: %1 %2: %3 [%4]</source>
        <translation>不予受理：%1 %2：%3 [%4]</translation>
    </message>
    <message>
        <source>invalid: %1</source>
        <translation>无效：%1</translation>
    </message>
    <message>
        <source>cannot render %1: %2</source>
        <translation>无法绘制 %1：%2</translation>
    </message>
    <message>
        <source>rejected: %1</source>
        <translation>验证未通过：%1</translation>
    </message>
</context>
<context>
    <name>TrustedKeys</name>
    <message>
        <source>The back office&apos;s key ring is not a key list.</source>
        <translation>后台发布的公钥列表格式不正确。</translation>
    </message>
    <message>
        <source>The back office&apos;s key ring has a damaged key for %1.</source>
        <translation>后台发布的公钥列表中 %1 的公钥已损坏。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <source>Walk-in ticket</source>
        <translation>现场取号</translation>
    </message>
    <message>
        <source>A ticket for the applicant at the window. A notice or receipt QR scanned here makes it a return ticket for that case.</source>
        <translation>为窗口前的申请人取号。在此扫描通知书或回执上的二维码，即取该办件的续办号。</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>业务(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>优先(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;QR of a notice or receipt:</source>
        <translation>通知书/回执二维码(&amp;Q)：</translation>
    </message>
    <message>
        <source>Scan it (optional)</source>
        <translation>扫码（可选）</translation>
    </message>
</context>
<context>
    <name>WindowIdentityDialog</name>
    <message>
        <source>Set up this window</source>
        <translation>设置本窗口</translation>
    </message>
    <message>
        <source>This computer is not set up as a window yet. Case numbers and the receipt key are made from the region code and the window code, so enter them as your service centre assigned them. They are set once.</source>
        <translation>这台电脑还没有设置为受理窗口。案件编号和回执签名密钥都由区划代码和窗口编号生成，请按服务中心分配的填写。设置后不再更改。</translation>
    </message>
    <message>
        <source>&amp;Region code</source>
        <translation>区划代码(&amp;R)</translation>
    </message>
    <message>
        <source>6 digits, e.g. 330106</source>
        <translation>6 位数字，如 330106</translation>
    </message>
    <message>
        <source>&amp;Window code</source>
        <translation>窗口编号(&amp;W)</translation>
    </message>
    <message>
        <source>e.g. W03</source>
        <translation>如 W03</translation>
    </message>
    <message>
        <source>Window &amp;name</source>
        <translation>窗口名称(&amp;N)</translation>
    </message>
    <message>
        <source>Back office &amp;address</source>
        <translation>后台地址(&amp;A)</translation>
    </message>
    <message>
        <source>e.g. https://backoffice.example.gov.cn</source>
        <translation>例如 https://backoffice.example.gov.cn</translation>
    </message>
    <message>
        <source>&amp;Window</source>
        <translation>窗口(&amp;W)</translation>
    </message>
    <message>
        <source>as on the administrator&apos;s note, e.g. 330106-W03</source>
        <translation>按管理员提供的开通单填写，例如 330106-W03</translation>
    </message>
    <message>
        <source>&amp;Enrolment code</source>
        <translation>开通码(&amp;E)</translation>
    </message>
    <message>
        <source>This window works without a back office: enter its identity by hand</source>
        <translation>本窗口不连接后台：手工填写窗口信息</translation>
    </message>
</context>
<context>
    <name>WindowKey</name>
    <message>
        <source>A key id uses only letters, digits, &apos;-&apos; and &apos;_&apos; (at most 32).</source>
        <translation>密钥标识只能包含字母、数字、“-”和“_”（最多 32 位）。</translation>
    </message>
    <message>
        <source>Cannot generate the window&apos;s signing key (OpenSSL).</source>
        <translation>无法生成窗口签名密钥（OpenSSL）。</translation>
    </message>
    <message>
        <source>Cannot read the window key %1: %2</source>
        <translation>无法读取窗口密钥 %1：%2</translation>
    </message>
    <message>
        <source>The window key %1 is damaged.</source>
        <translation>窗口密钥 %1 已损坏。</translation>
    </message>
    <message>
        <source>Cannot create the key folder %1.</source>
        <translation>无法创建密钥目录 %1。</translation>
    </message>
    <message>
        <source>Cannot write the window key %1: %2</source>
        <translation>无法写入窗口密钥 %1：%2</translation>
    </message>
    <message>
        <source>Signing failed (OpenSSL).</source>
        <translation>签名失败（OpenSSL）。</translation>
    </message>
</context>
<context>
    <name>WindowSettings</name>
    <message>
        <source>The region code is the 6-digit administrative division of the centre (e.g. 330106), not &quot;%1&quot;.</source>
        <translation>区划代码应为服务中心所在地的 6 位行政区划代码（如 330106），“%1”不对。</translation>
    </message>
    <message>
        <source>The window code is 1 to 8 letters and digits starting with a letter (e.g. W03), not &quot;%1&quot;.</source>
        <translation>窗口编号应为 1 至 8 位字母或数字，以字母开头（如 W03），“%1”不对。</translation>
    </message>
    <message>
        <source>Window codes starting with DEMO are reserved for demo and sample receipts.</source>
        <translation>以 DEMO 开头的窗口编号留给演示和样本回执使用。</translation>
    </message>
    <message>
        <source>The window needs a name (e.g. 综合窗口 3); it is printed on every receipt.</source>
        <translation>请填写窗口名称（如“综合窗口 3”），每张回执上都会印出。</translation>
    </message>
    <message>
        <source>The window name is too long (at most 40 characters).</source>
        <translation>窗口名称太长（最多 40 个字）。</translation>
    </message>
    <message>
        <source>Cannot read the window identity %1: %2</source>
        <translation>无法读取窗口信息 %1：%2</translation>
    </message>
    <message>
        <source>The window identity %1 is damaged; set it again with onewindow-tool window set.</source>
        <translation>窗口信息 %1 已损坏，请用 onewindow-tool window set 重新设置。</translation>
    </message>
    <message>
        <source>The window identity %1 is not valid: %2</source>
        <translation>窗口信息 %1 无效：%2</translation>
    </message>
    <message>
        <source>This window is already %1-%2 (%3). Its case numbers and receipt key depend on it; change it only on purpose (--replace).</source>
        <translation>本窗口已设置为 %1-%2（%3）。案件编号和回执密钥都依赖它，确需更改时请加 --replace。</translation>
    </message>
    <message>
        <source>Cannot write the window identity %1: %2</source>
        <translation>无法写入窗口信息 %1：%2</translation>
    </message>
    <message>
        <source>The document language &quot;%1&quot; in %2 is not one OneWindow writes documents in (zh_CN, en).</source>
        <translation>%2 中的文书语言“%1”不受支持（可用 zh_CN、en）。</translation>
    </message>
    <message>
        <source>OneWindow writes documents in zh_CN or en, not &quot;%1&quot;.</source>
        <translation>文书语言只能是 zh_CN 或 en，不能是“%1”。</translation>
    </message>
    <message>
        <source>Set the window identity first (onewindow-tool window set --region … --code … --name …).</source>
        <translation>请先设置窗口身份（onewindow-tool window set --region … --code … --name …）。</translation>
    </message>
</context>
<context>
    <name>WorkCalendar</name>
    <message>
        <source>The calendar is not valid JSON at offset %1: %2</source>
        <translation>工作日历不是有效的 JSON（偏移 %1）：%2</translation>
    </message>
    <message>
        <source>The calendar must be a JSON object.</source>
        <translation>工作日历必须是一个 JSON 对象。</translation>
    </message>
    <message>
        <source>The calendar has no valid &quot;year&quot;.</source>
        <translation>工作日历缺少有效的“year”年份。</translation>
    </message>
    <message>
        <source>Holiday %1 of %2 needs a name and valid &quot;from&quot; ≤ &quot;to&quot; dates.</source>
        <translation>%2 年第 %1 个节假日需要名称以及有效的起止日期（from ≤ to）。</translation>
    </message>
    <message>
        <source>Holiday &quot;%1&quot; lies outside %2.</source>
        <translation>节假日“%1”不在 %2 年内。</translation>
    </message>
    <message>
        <source>Make-up workday %1 of %2 has no valid &quot;date&quot;.</source>
        <translation>%2 年第 %1 个调休上班日缺少有效日期。</translation>
    </message>
    <message>
        <source>%1 is listed both as a holiday and as a make-up workday.</source>
        <translation>%1 同时被列为节假日和调休上班日。</translation>
    </message>
    <message>
        <source>No calendar tables found in %1.</source>
        <translation>在 %1 中找不到工作日历表。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Comprehensive window 1 (demo)</source>
        <translation>综合窗口 1（演示）</translation>
    </message>
    <message>
        <source>Work calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <source>The work calendar could not be loaded; deadlines count weekends only.
%1</source>
        <translation>无法加载工作日历，办结时限将只扣除周末。
%1</translation>
    </message>
    <message>
        <source>Demo clerk</source>
        <translation>演示工作人员</translation>
    </message>
    <message>
        <source>Xihu District Administrative Service Centre (demo)</source>
        <translation>西湖区行政服务中心（演示）</translation>
    </message>
    <message>
        <source>OneWindow cannot start</source>
        <translation>一窗受理无法启动</translation>
    </message>
    <message>
        <source>This window has no identity yet (region code, window code, name): set it once with
  onewindow-tool window set --region NNNNNN --code CODE --name NAME --data-dir %1
or start OneWindow on a screen to enter it. (onewindow --demo runs without one.)</source>
        <translation>本窗口尚未设置（区划代码、窗口编号、窗口名称）。请执行一次
  onewindow-tool window set --region NNNNNN --code CODE --name NAME --data-dir %1
或在有显示器的电脑上启动一窗受理后填写。（onewindow --demo 演示模式无需设置。）</translation>
    </message>
    <message>
        <source>The catalogue %1 does not exist.</source>
        <translation>事项目录 %1 不存在。</translation>
    </message>
    <message>
        <source>%1 is not a back office address.</source>
        <translation>%1 不是有效的后台地址。</translation>
    </message>
    <message>
        <source>Catalogue %1 has arrived from the back office: new cases use it from the next start.</source>
        <translation>后台已下发事项目录 %1 版：重新启动后，新案件按此版办理。</translation>
    </message>
    <message>
        <source>--ticket-prefix takes one capital letter A–Z.</source>
        <translation>--ticket-prefix 须为一个大写字母 A–Z。</translation>
    </message>
</context>
<context>
    <name>ow::account::Enrolment</name>
    <message>
        <source>The window is given as region-code, as the administrator&apos;s note prints it (e.g. 330106-W03), not &quot;%1&quot;.</source>
        <translation>窗口应按开通单上的格式填写为“区划码-窗口编码”（例如 330106-W03），而不是“%1”。</translation>
    </message>
    <message>
        <source>Enter the enrolment code the administrator gave you.</source>
        <translation>请输入管理员提供的开通码。</translation>
    </message>
    <message>
        <source>The back office does not know this enrolment code; check it (letters and digits, no 0/O/1/I) or ask the administrator for a new one.</source>
        <translation>后台不认识此开通码：请核对（由字母和数字组成，不含 0/O/1/I），或向管理员申请新的开通码。</translation>
    </message>
    <message>
        <source>This enrolment code was already used; ask the administrator for a new one.</source>
        <translation>此开通码已被使用，请向管理员申请新的开通码。</translation>
    </message>
    <message>
        <source>This enrolment code has expired; ask the administrator for a new one.</source>
        <translation>此开通码已过期，请向管理员申请新的开通码。</translation>
    </message>
    <message>
        <source>This enrolment code is for another window than %1; check the window on the administrator&apos;s note.</source>
        <translation>此开通码不属于窗口 %1，请核对开通单上的窗口。</translation>
    </message>
    <message>
        <source>Window %1 is already enrolled with another key; the administrator revokes that key before this computer can enrol.</source>
        <translation>窗口 %1 已用另一把密钥开通；须由管理员先吊销该密钥，本机才能开通。</translation>
    </message>
    <message>
        <source>This window&apos;s key was revoked; remove %1 and enrol again with a new code.</source>
        <translation>本窗口的密钥已被吊销：请删除 %1，再用新的开通码重新开通。</translation>
    </message>
    <message>
        <source>The back office&apos;s answer does not name window %1; nothing was stored.</source>
        <translation>后台的答复与窗口 %1 不符，未保存任何信息。</translation>
    </message>
    <message>
        <source>The window key could not be moved into %1.</source>
        <translation>无法将窗口密钥移入 %1。</translation>
    </message>
</context>
<context>
    <name>ow::account::SignIn</name>
    <message numerus="yes">
        <source>Wrong name or password; try again in %n s.</source>
        <translation>
            <numerusform>用户名或密码错误，请 %n 秒后重试。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong passwords; try again in %n s.</source>
        <translation>
            <numerusform>密码错误次数过多，请 %n 秒后重试。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has not signed in at this window while the back office was reachable, so there is nothing to check the password against offline.</source>
        <translation>%1 尚未在本窗口联网登录过，无法离线核对密码。</translation>
    </message>
    <message>
        <source>%1
%2 has not signed in at this window online yet; the first sign-in needs the back office.</source>
        <translation>%1
%2 尚未在本窗口联网登录过；首次登录须连接后台。</translation>
    </message>
    <message>
        <source>Enter your name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <source>This window has no back office.</source>
        <translation>本窗口未连接后台。</translation>
    </message>
    <message>
        <source>%1 works at window %2, not at this one (%3).</source>
        <translation>%1 属于窗口 %2，不属于本窗口（%3）。</translation>
    </message>
    <message>
        <source>A %1 account does not sign in at a window.</source>
        <translation>%1 账号不能在窗口登录。</translation>
    </message>
</context>
<context>
    <name>ow::idcard::CardDecoder</name>
    <message>
        <source>The text block has %1 bytes; a card&apos;s text block has %2.</source>
        <translation>文字信息为 %1 字节，证件文字信息应为 %2 字节。</translation>
    </message>
    <message>
        <source>Unknown card type mark U+%1 at offset 248.</source>
        <translation>偏移 248 处的证件类型标识 U+%1 无法识别。</translation>
    </message>
    <message>
        <source>The card&apos;s text block holds no ID number.</source>
        <translation>证件文字信息中没有身份号码。</translation>
    </message>
    <message>
        <source>The read answer is too short (%1 bytes).</source>
        <translation>读卡返回数据过短（%1 字节）。</translation>
    </message>
    <message>
        <source>The read answer&apos;s lengths (text %1, photo %2) do not add up to its %3 bytes.</source>
        <translation>读卡返回数据中的长度（文字 %1，照片 %2）与总长 %3 字节不符。</translation>
    </message>
    <message>
        <source>The photo has %1 bytes instead of %2.</source>
        <translation>照片为 %1 字节，应为 %2 字节。</translation>
    </message>
    <message>
        <source>The fingerprint block has %1 bytes instead of %2.</source>
        <translation>指纹信息为 %1 字节，应为 %2 字节。</translation>
    </message>
    <message>
        <source>The reader answered SW3 0x%1: %2</source>
        <translation>读卡器返回 SW3 0x%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>The %1 on the card held %n control or text-direction character(s); they were removed. Check the card against the holder.</source>
        <translation>
            <numerusform>卡内%1含有 %n 个控制字符或文字方向字符，已删除。请核对证件与持证人。</numerusform>
        </translation>
    </message>
    <message>
        <source>The %1 on the card is not a real date.</source>
        <translation>卡内%1不是有效日期。</translation>
    </message>
    <message>
        <source>start of validity</source>
        <translation>有效期起始日期</translation>
    </message>
    <message>
        <source>end of validity</source>
        <translation>有效期截止日期</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文姓名</translation>
    </message>
    <message>
        <source>gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>permit number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>nationality</source>
        <translation>国籍</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>card version</source>
        <translation>证件版本号</translation>
    </message>
    <message>
        <source>accepting-authority code</source>
        <translation>受理机关代码</translation>
    </message>
    <message>
        <source>renewal count</source>
        <translation>换证次数</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份号码</translation>
    </message>
    <message>
        <source>address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>issuing authority</source>
        <translation>签发机关</translation>
    </message>
    <message>
        <source>pass number</source>
        <translation>通行证号码</translation>
    </message>
    <message>
        <source>issue count</source>
        <translation>签发次数</translation>
    </message>
    <message>
        <source>nation</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>The card&apos;s permit number is not 3 letters and 12 digits: the card is damaged or not genuine. Do not accept it; ask for another document.</source>
        <translation>证件号码不是“3 位字母加 12 位数字”，证件可能已损坏或并非真实证件。请勿据此受理，请申请人提供其他证件。</translation>
    </message>
    <message>
        <source>The card&apos;s ID number fails the GB 11643 check: %1 The card is damaged or not genuine; do not accept it, ask for another document.</source>
        <translation>证件号码未通过 GB 11643 校验：%1 证件可能已损坏或并非真实证件，请勿据此受理，请申请人提供其他证件。</translation>
    </message>
    <message>
        <source>The birth date on the card differs from the one in its ID number.</source>
        <translation>卡内出生日期与身份号码中的出生日期不一致。</translation>
    </message>
    <message>
        <source>The gender on the card differs from the one in its ID number.</source>
        <translation>卡内性别与身份号码所示性别不一致。</translation>
    </message>
    <message>
        <source>The card holds no valid birth date.</source>
        <translation>卡内没有有效的出生日期。</translation>
    </message>
    <message>
        <source>The birth date on the card is after the card&apos;s issue date.</source>
        <translation>卡内出生日期晚于证件签发日期。</translation>
    </message>
    <message>
        <source>The card&apos;s validity cannot be read: check the dates printed on the card.</source>
        <translation>无法读取证件有效期，请核对证件上印制的日期。</translation>
    </message>
    <message>
        <source>The card&apos;s validity ends before it starts.</source>
        <translation>证件有效期的截止日期早于起始日期。</translation>
    </message>
</context>
<context>
    <name>ow::idcard::IdCardReader</name>
    <message>
        <source>No card reader is connected.</source>
        <translation>未连接读卡器。</translation>
    </message>
    <message>
        <source>card reader</source>
        <translation>读卡器</translation>
    </message>
    <message>
        <source>The card reader sent an incomplete answer. Try again.</source>
        <translation>读卡器返回的数据不完整，请重试。</translation>
    </message>
    <message>
        <source>The card reader&apos;s answer was damaged. Try again.</source>
        <translation>读卡器返回的数据已损坏，请重试。</translation>
    </message>
    <message>
        <source>The card could not be decoded.</source>
        <translation>无法解析证件信息。</translation>
    </message>
</context>
<context>
    <name>ow::idcard::SamCodec</name>
    <message numerus="yes">
        <source>The frame is too short: %n byte(s), the header alone needs 7.</source>
        <translation>
            <numerusform>数据帧过短：仅 %n 字节，而帧头就需要 7 字节。</numerusform>
        </translation>
    </message>
    <message>
        <source>The frame does not start with the preamble AA AA AA 96 69.</source>
        <translation>数据帧未以前导码 AA AA AA 96 69 开头。</translation>
    </message>
    <message>
        <source>The length field (%1) is too small for a frame.</source>
        <translation>长度字段（%1）过小，不足以构成数据帧。</translation>
    </message>
    <message>
        <source>The frame is truncated: the length field announces %1 bytes, %2 arrived.</source>
        <translation>数据帧不完整：长度字段为 %1 字节，实际收到 %2 字节。</translation>
    </message>
    <message>
        <source>The frame has %1 byte(s) after its end (the length field announces %2).</source>
        <translation>数据帧末尾多出 %1 字节（长度字段为 %2）。</translation>
    </message>
    <message>
        <source>Bad checksum: the frame says %1, the bytes give %2.</source>
        <translation>校验和错误：帧中为 %1，按数据计算为 %2。</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>操作成功。</translation>
    </message>
    <message>
        <source>The card has no such item (e.g. no appended address or fingerprint).</source>
        <translation>证件中无此项信息（如无追加住址或指纹）。</translation>
    </message>
    <message>
        <source>Card found.</source>
        <translation>已找到证件。</translation>
    </message>
    <message>
        <source>The reader received a frame with a bad checksum.</source>
        <translation>读卡器收到的数据帧校验和错误。</translation>
    </message>
    <message>
        <source>The reader received a frame with a bad length.</source>
        <translation>读卡器收到的数据帧长度错误。</translation>
    </message>
    <message>
        <source>The reader did not accept the command.</source>
        <translation>读卡器不接受该命令。</translation>
    </message>
    <message>
        <source>The reader refused an unauthorised operation.</source>
        <translation>读卡器拒绝了越权操作。</translation>
    </message>
    <message>
        <source>The reader reported an unknown error.</source>
        <translation>读卡器报告未知错误。</translation>
    </message>
    <message>
        <source>The card could not authenticate the reader&apos;s security module.</source>
        <translation>证件认证读卡器安全模块失败。</translation>
    </message>
    <message>
        <source>The reader&apos;s security module could not authenticate the card.</source>
        <translation>读卡器安全模块认证证件失败。</translation>
    </message>
    <message>
        <source>The card&apos;s information failed verification.</source>
        <translation>证件信息验证失败。</translation>
    </message>
    <message>
        <source>This card type is not recognised. Is it a second-generation ID card?</source>
        <translation>无法识别该证件类型，请确认是否为第二代居民身份证。</translation>
    </message>
    <message>
        <source>Reading the card failed. Hold the card still on the reader and try again.</source>
        <translation>读卡失败，请将证件在读卡器上放稳后重试。</translation>
    </message>
    <message>
        <source>The reader could not get a random number from the card.</source>
        <translation>读卡器无法从证件获取随机数。</translation>
    </message>
    <message>
        <source>The reader&apos;s security module failed its self-test; the reader needs service.</source>
        <translation>读卡器安全模块自检失败，请报修读卡器。</translation>
    </message>
    <message>
        <source>The reader&apos;s security module is not authorised; the reader needs service.</source>
        <translation>读卡器安全模块未授权，请报修读卡器。</translation>
    </message>
    <message>
        <source>No card on the reader.</source>
        <translation>读卡器上没有证件。</translation>
    </message>
    <message>
        <source>Selecting the card failed. Place the card flat on the reader and try again.</source>
        <translation>选卡失败，请将证件平放在读卡器上后重试。</translation>
    </message>
    <message>
        <source>The reader answered with unknown status %1.</source>
        <translation>读卡器返回未知状态 %1。</translation>
    </message>
</context>
<context>
    <name>ow::idcard::WltDecoder</name>
    <message>
        <source>No licensed photo decoder is installed.</source>
        <translation>未安装授权的照片解码模块。</translation>
    </message>
    <message>
        <source>The card&apos;s photo was not read.</source>
        <translation>未读取证件照片。</translation>
    </message>
</context>
<context>
    <name>ow::intake::IntakeWorkflow</name>
    <message>
        <source>Power of attorney (授权委托书)</source>
        <translation>授权委托书</translation>
    </message>
    <message>
        <source>signed by the applicant (sealed by the company), with the agent&apos;s identity</source>
        <translation>由申请人签字（企业加盖公章），并载明代理人身份信息</translation>
    </message>
    <message>
        <source>an agent applies on the applicant&apos;s behalf</source>
        <translation>由代理人代为申请</translation>
    </message>
    <message>
        <source>the original is needed</source>
        <translation>需要原件</translation>
    </message>
    <message>
        <source>No case is open.</source>
        <translation>当前没有打开的案件。</translation>
    </message>
    <message>
        <source>There is no unfinished case at this window.</source>
        <translation>本窗口没有未办结的案件。</translation>
    </message>
    <message>
        <source>Case %1 was not closed with a one-time notice; it cannot be continued here.</source>
        <translation>案件 %1 并非以一次性告知结束，不能在此接续办理。</translation>
    </message>
    <message>
        <source>The case is already decided.</source>
        <translation>该案件已作出处理决定。</translation>
    </message>
    <message>
        <source>The agent and the applicant are the same person.</source>
        <translation>代理人与申请人为同一人。</translation>
    </message>
    <message>
        <source>The catalogue has no question &quot;%1&quot;.</source>
        <translation>事项目录中没有问题“%1”。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not on this case&apos;s checklist.</source>
        <translation>“%1”不在本案件的材料清单中。</translation>
    </message>
    <message>
        <source>Identify the applicant first: read the ID card or type the ID number or credit code.</source>
        <translation>请先确认申请人身份：读取身份证，或输入身份号码或统一社会信用代码。</translation>
    </message>
    <message>
        <source>Choose a matter or a one-matter bundle first.</source>
        <translation>请先选择事项或一件事。</translation>
    </message>
    <message>
        <source>Answer these questions first: %1</source>
        <translation>请先回答以下问题：%1</translation>
    </message>
    <message>
        <source>Choose what to do with the case: accept, notice or refuse.</source>
        <translation>请选择处理方式：受理、一次性告知或不予受理。</translation>
    </message>
    <message>
        <source>The case is done. Start a new one.</source>
        <translation>本案件已完成，请新建案件。</translation>
    </message>
    <message>
        <source>There is no step to go back to.</source>
        <translation>没有可返回的上一步。</translation>
    </message>
    <message>
        <source>Printing and finishing follow a decision.</source>
        <translation>须先作出处理决定，才能打印和完成。</translation>
    </message>
    <message>
        <source>Some questions are still unanswered; nothing can be decided yet.</source>
        <translation>尚有问题未回答，暂不能作出处理决定。</translation>
    </message>
    <message>
        <source>The verdict does not allow this decision.</source>
        <translation>审查结论不允许作出此决定。</translation>
    </message>
    <message>
        <source>Decide the case before finishing it.</source>
        <translation>请先作出处理决定，再完成案件。</translation>
    </message>
    <message>
        <source>Case %1 cannot be read back from its log: %2</source>
        <translation>无法根据记录还原案件 %1：%2</translation>
    </message>
    <message>
        <source>catalogue %1 of case %2</source>
        <translation>案件 %2 所用事项目录 %1</translation>
    </message>
    <message>
        <source>Decide the case before printing its document.</source>
        <translation>请先作出处理决定，再打印文书。</translation>
    </message>
    <message>
        <source>The case already uses the loaded catalogue.</source>
        <translation>本案已使用当前加载的事项目录。</translation>
    </message>
    <message>
        <source>Identify the applicant before the agent.</source>
        <translation>请先录入申请人，再录入代办人。</translation>
    </message>
    <message>
        <source>The pickup is printed on the decided document; it cannot change now.</source>
        <translation>领取方式已印在出具的文书上，现在不能更改。</translation>
    </message>
    <message>
        <source>Mark &quot;%1&quot; as received before recording how many pieces came.</source>
        <translation>请先将“%1”标记为已收，再登记份数。</translation>
    </message>
    <message>
        <source>The number of pieces must be between 1 and 99.</source>
        <translation>份数须在 1 到 99 之间。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an acceptance condition of this case.</source>
        <translation>“%1”不是本案件的受理条件。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Confirm this acceptance condition first: %1</source>
        <translation>请先确认受理条件：%1</translation>
    </message>
    <message>
        <source>An acceptance condition is not confirmed yet; nothing can be decided yet.</source>
        <translation>尚有受理条件未确认，暂不能作出处理决定。</translation>
    </message>
    <message>
        <source>The scanned document reference is not valid.</source>
        <translation>扫描材料的文件标识无效。</translation>
    </message>
    <message>
        <source>%1 is already an applicant of this case.</source>
        <translation>%1 已是本案申请人。</translation>
    </message>
    <message>
        <source>Identify the first applicant first.</source>
        <translation>请先确定第一位申请人。</translation>
    </message>
    <message>
        <source>There is no applicant %1.</source>
        <translation>没有第 %1 位申请人。</translation>
    </message>
    <message>
        <source>The first applicant cannot be removed; change it instead.</source>
        <translation>第一位申请人不能删除，只能更换。</translation>
    </message>
    <message>
        <source>%1 has no e-licence: mark the original (O) or a copy (C).</source>
        <translation>%1 没有电子证照：请标记原件(O)或复印件(C)。</translation>
    </message>
    <message>
        <source>Cannot accept: %1.</source>
        <translation>不能受理：%1。</translation>
    </message>
    <message>
        <source>the identity is checked on a valid document</source>
        <translation>须凭有效证件核验身份</translation>
    </message>
    <message>
        <source>agent %1</source>
        <translation>代办人%1</translation>
    </message>
    <message>
        <source>the applicant is %1, at or past the statutory retirement age (%2)</source>
        <translation>申请人 %1，已达到法定退休年龄（%2）</translation>
    </message>
    <message>
        <source>the applicant is %1, short of the statutory retirement age (%2)</source>
        <translation>申请人 %1，未达到法定退休年龄（%2）</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 周岁</translation>
    </message>
    <message>
        <source>%1 years 1 month</source>
        <translation>%1 周岁 1 个月</translation>
    </message>
    <message>
        <source>%1 years %2 months</source>
        <translation>%1 周岁 %2 个月</translation>
    </message>
    <message>
        <source>Case %1 was abandoned; it cannot be continued. Start a new case.</source>
        <translation>案件 %1 已放弃，不能接续办理，请新建案件。</translation>
    </message>
    <message>
        <source>Case %1 is decided and its document issued; it cannot be abandoned.</source>
        <translation>案件 %1 已作出处理决定并出具文书，不能放弃。</translation>
    </message>
    <message>
        <source>Case %1 is closed already.</source>
        <translation>案件 %1 已结束。</translation>
    </message>
    <message>
        <source>This change cannot be logged: %1</source>
        <translation>此项变更无法记入案件日志：%1</translation>
    </message>
    <message>
        <source>Case %1 is not decided yet.</source>
        <translation>案件 %1 尚未作出受理决定。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a service after the decision.</source>
        <translation>“%1”不是受理决定后的服务。</translation>
    </message>
</context>
<context>
    <name>ow::printer::EscPosDocument</name>
    <message>
        <source>The QR code is too large for %1-dot paper.</source>
        <translation>二维码过大，%1 点宽的纸张无法打印。</translation>
    </message>
    <message>
        <source>An empty image cannot be printed.</source>
        <translation>无法打印空白图像。</translation>
    </message>
</context>
<context>
    <name>ow::printer::PrintJob</name>
    <message>
        <source>Sent %1 of %2 parts (%3 of %4 bytes).</source>
        <translation>已发送 %1/%2 部分（%3/%4 字节）。</translation>
    </message>
    <message>
        <source>The printer did not answer the status request.</source>
        <translation>打印机未响应状态查询。</translation>
    </message>
    <message>
        <source>Cannot read the printer status: %1</source>
        <translation>无法读取打印机状态：%1</translation>
    </message>
    <message>
        <source>Printing stopped part-way: %1 %2</source>
        <translation>打印中途停止：%1 %2</translation>
    </message>
    <message>
        <source>The receipt was sent, but the printer status afterwards is unknown: %1</source>
        <translation>小票已发送，但无法确认打印机随后的状态：%1</translation>
    </message>
</context>
<context>
    <name>ow::printer::PrinterStatus</name>
    <message>
        <source>The printer answered DLE EOT %1 with 0x%2, which is not a status byte.</source>
        <translation>打印机对 DLE EOT %1 返回 0x%2，不是有效的状态字节。</translation>
    </message>
    <message>
        <source>The printer cover is open. Close it.</source>
        <translation>打印机盖未关，请合上。</translation>
    </message>
    <message>
        <source>The printer is out of paper. Load a new roll.</source>
        <translation>打印机缺纸，请装入新纸卷。</translation>
    </message>
    <message>
        <source>The printer reports an error (cutter jam or overheating). Check it and switch it off and on.</source>
        <translation>打印机报错（切刀卡住或过热），请检查后关机再开机。</translation>
    </message>
    <message>
        <source>The printer is offline.</source>
        <translation>打印机离线。</translation>
    </message>
    <message>
        <source>The paper roll is nearly used up.</source>
        <translation>纸卷即将用完。</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>就绪。</translation>
    </message>
</context>
<context>
    <name>ow::printer::QrRaster</name>
    <message>
        <source>A QR code needs content.</source>
        <translation>二维码内容不能为空。</translation>
    </message>
    <message>
        <source>The QR content has %1 bytes; at most %2 fit at this error correction level.</source>
        <translation>二维码内容为 %1 字节，当前纠错级别下最多容纳 %2 字节。</translation>
    </message>
    <message>
        <source>The QR code could not be drawn: %1</source>
        <translation>无法生成二维码：%1</translation>
    </message>
    <message>
        <source>The QR code could not be drawn.</source>
        <translation>无法生成二维码。</translation>
    </message>
    <message>
        <source>The QR module size must be 1 to 16 dots, not %1.</source>
        <translation>二维码模块大小必须为 1 至 16 点，当前为 %1。</translation>
    </message>
</context>
<context>
    <name>ow::printer::ReceiptPrinter</name>
    <message>
        <source>The receipt printer cannot report its status (no IN endpoint).</source>
        <translation>回执打印机无法回报状态（没有 IN 端点）。</translation>
    </message>
    <message>
        <source>No receipt printer is connected.</source>
        <translation>未连接回执打印机。</translation>
    </message>
    <message>
        <source>receipt printer</source>
        <translation>回执打印机</translation>
    </message>
</context>
<context>
    <name>ow::queue::Category</name>
    <message>
        <source>A category needs a code and a name.</source>
        <translation>排队类别须有代码和名称。</translation>
    </message>
    <message>
        <source>A category&apos;s letter is one capital letter A–Z.</source>
        <translation>排队类别的字母须为 A–Z 中的一个大写字母。</translation>
    </message>
</context>
<context>
    <name>ow::queue::HallSettings</name>
    <message>
        <source>The hall setting %1 must be a whole number from %2 to %3.</source>
        <translation>大厅设置 %1 须为 %2 至 %3 之间的整数。</translation>
    </message>
</context>
<context>
    <name>ow::queue::QueueRules</name>
    <message>
        <source>The ticket is not waiting.</source>
        <translation>该号不在等候中。</translation>
    </message>
    <message>
        <source>The ticket was transferred to another window.</source>
        <translation>该号已转给其他窗口。</translation>
    </message>
    <message>
        <source>Only a ticket called at this window can be called again.</source>
        <translation>只能重呼本窗口已叫的号。</translation>
    </message>
    <message>
        <source>Too soon to call the ticket again.</source>
        <translation>距上次呼叫时间太短，暂不能重呼。</translation>
    </message>
    <message>
        <source>Only a ticket called at this window can be marked as not present.</source>
        <translation>只能将本窗口已叫的号标记为未到。</translation>
    </message>
    <message>
        <source>The ticket has not been called often enough to be marked as not present.</source>
        <translation>该号呼叫次数不足，暂不能标记为未到。</translation>
    </message>
    <message>
        <source>Only a ticket called at this window can be served.</source>
        <translation>只能办理本窗口已叫的号。</translation>
    </message>
    <message>
        <source>Only a ticket called or served at this window can be parked.</source>
        <translation>只能暂挂本窗口已叫或正在办理的号。</translation>
    </message>
    <message>
        <source>Only a ticket parked at this window can be resumed.</source>
        <translation>只能恢复本窗口暂挂的号。</translation>
    </message>
    <message>
        <source>Only a ticket called or served at this window can be finished.</source>
        <translation>只能办结本窗口已叫或正在办理的号。</translation>
    </message>
    <message>
        <source>Only a ticket at this window can be transferred.</source>
        <translation>只能转移本窗口的号。</translation>
    </message>
    <message>
        <source>Transfer to either a window or a category.</source>
        <translation>请选择转往一个窗口或一个类别（二选一）。</translation>
    </message>
    <message>
        <source>The ticket is at this window already.</source>
        <translation>该号已在本窗口。</translation>
    </message>
</context>
<context>
    <name>ow::queue::QueueSnapshot</name>
    <message>
        <source>A list of tickets is missing.</source>
        <translation>缺少排队号列表。</translation>
    </message>
    <message>
        <source>A call does not read.</source>
        <translation>一条叫号记录无法读取。</translation>
    </message>
    <message>
        <source>The queue&apos;s hall or time is missing.</source>
        <translation>排队信息缺少大厅或时间。</translation>
    </message>
</context>
<context>
    <name>ow::queue::Ticket</name>
    <message>
        <source>Unknown ticket source: %1</source>
        <translation>未知的取号来源：%1</translation>
    </message>
    <message>
        <source>Unknown priority: %1</source>
        <translation>未知的优先类别：%1</translation>
    </message>
    <message>
        <source>Unknown ticket state: %1</source>
        <translation>未知的排队号状态：%1</translation>
    </message>
    <message>
        <source>The ticket&apos;s field %1 is missing or does not read.</source>
        <translation>排队号的字段 %1 缺失或无法读取。</translation>
    </message>
</context>
<context>
    <name>ow::scanner::BarcodeScanner</name>
    <message>
        <source>No barcode scanner is connected.</source>
        <translation>未连接扫码枪。</translation>
    </message>
    <message>
        <source>barcode scanner</source>
        <translation>扫码枪</translation>
    </message>
    <message>
        <source>The barcode scanner did not switch to HID POS mode.</source>
        <translation>扫码枪未能切换到 HID POS 模式。</translation>
    </message>
    <message>
        <source>The barcode scanner sent a report that could not be read.</source>
        <translation>扫码枪发来的数据无法识别。</translation>
    </message>
</context>
<context>
    <name>ow::scanner::HidPosReportDecoder</name>
    <message>
        <source>An empty HID POS report.</source>
        <translation>HID POS 报告为空。</translation>
    </message>
    <message>
        <source>A HID POS scanned-data report has %1 bytes, expected %2.</source>
        <translation>HID POS 扫描数据报告长度为 %1 字节，应为 %2 字节。</translation>
    </message>
    <message>
        <source>A HID POS report claims %1 data bytes; at most %2 fit.</source>
        <translation>HID POS 报告声明含 %1 个数据字节，最多只能容纳 %2 个。</translation>
    </message>
    <message>
        <source>A scan is longer than %1 bytes; dropped.</source>
        <translation>扫码内容超过 %1 字节，已丢弃。</translation>
    </message>
</context>
<context>
    <name>ow::scanner::KeyboardReportDecoder</name>
    <message>
        <source>A keyboard report has %1 bytes, expected %2.</source>
        <translation>键盘报告长度为 %1 字节，应为 %2 字节。</translation>
    </message>
</context>
<context>
    <name>ow::sync::BackOfficeCalls</name>
    <message>
        <source>The back office cannot be reached: %1</source>
        <translation>无法连接后台：%1</translation>
    </message>
    <message>
        <source>The back office refused the sign-in of %1 (%2).</source>
        <translation>后台拒绝了 %1 的登录（%2）。</translation>
    </message>
    <message>
        <source>The back office answered %1.</source>
        <translation>后台返回 %1。</translation>
    </message>
</context>
<context>
    <name>ow::sync::KeyRingFollower</name>
    <message>
        <source>The back office answered %1 for its key ring.</source>
        <translation>后台返回密钥环时应答 %1。</translation>
    </message>
</context>
<context>
    <name>ow::sync::LocalQueueService</name>
    <message>
        <source>The station&apos;s queue could not be saved: %1</source>
        <translation>本站排队数据未能保存：%1</translation>
    </message>
    <message>
        <source>A station&apos;s ticket stays at the station: transfer it to another category.</source>
        <translation>本站的号只能在本站办理：请转到本站的其他业务类别。</translation>
    </message>
    <message>
        <source>The station has no category %1.</source>
        <translation>本站没有业务类别 %1。</translation>
    </message>
    <message>
        <source>The station has no case %1: %2</source>
        <translation>本站没有办件 %1：%2</translation>
    </message>
</context>
<context>
    <name>ow::sync::RemoteQueueService</name>
    <message>
        <source>The back office cannot be reached: %1</source>
        <translation>无法连接后台：%1</translation>
    </message>
    <message>
        <source>The back office refused the sign-in of %1 (%2).</source>
        <translation>后台拒绝了 %1 的登录（%2）。</translation>
    </message>
    <message>
        <source>The back office answered %1.</source>
        <translation>后台返回 %1。</translation>
    </message>
</context>
<context>
    <name>ow::sync::SyncEngine</name>
    <message>
        <source>The back office did not answer in time.</source>
        <translation>后台未及时响应。</translation>
    </message>
    <message>
        <source>The back office cannot be reached (%1).</source>
        <translation>无法连接后台（%1）。</translation>
    </message>
    <message>
        <source>The back office answered %1.</source>
        <translation>后台返回 %1。</translation>
    </message>
    <message>
        <source>The back office answered %1: %2</source>
        <translation>后台返回 %1：%2</translation>
    </message>
    <message>
        <source>The back office refused the sign-in of %1.</source>
        <translation>后台拒绝了 %1 的登录。</translation>
    </message>
    <message>
        <source>The back office takes no file this large.</source>
        <translation>后台不接收这么大的文件。</translation>
    </message>
    <message>
        <source>The back office does not take scanned documents (no uploads).</source>
        <translation>后台不接收扫描件（未开通上传）。</translation>
    </message>
    <message>
        <source>The sync with the back office has not started (no clerk signed in to it).</source>
        <translation>尚未开始与后台同步（没有工作人员登录后台）。</translation>
    </message>
    <message>
        <source>The back office did not acknowledge the case in time.</source>
        <translation>后台未在规定时间内确认本案件。</translation>
    </message>
    <message>
        <source>The back office does not hold the whole case.</source>
        <translation>后台尚未收到本案件的全部记录。</translation>
    </message>
</context>
<context>
    <name>ow::ui::ApplicantPanel</name>
    <message>
        <source>resident ID card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <source>Hong Kong residence permit</source>
        <translation>港澳台居民居住证（香港）</translation>
    </message>
    <message>
        <source>Macao residence permit</source>
        <translation>港澳台居民居住证（澳门）</translation>
    </message>
    <message>
        <source>Taiwan residence permit</source>
        <translation>港澳台居民居住证（台湾）</translation>
    </message>
    <message>
        <source>foreigner permanent residence card</source>
        <translation>外国人永久居留身份证</translation>
    </message>
    <message numerus="yes">
        <source>%n more character(s) to go.</source>
        <translation>
            <numerusform>还差 %n 位。</numerusform>
        </translation>
    </message>
    <message>
        <source>Valid credit code · region %1 · organisation code %2</source>
        <translation>信用代码有效 · 行政区划 %1 · 组织机构代码 %2</translation>
    </message>
    <message>
        <source>Valid %1 · born %2 · %3</source>
        <translation>有效的%1 · 出生 %2 · %3</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>(upgraded from the 15-digit number to %1)</source>
        <translation>（已由 15 位号码升位为 %1）</translation>
    </message>
    <message>
        <source>Credit &amp;code</source>
        <translation>信用代码(&amp;C)</translation>
    </message>
    <message>
        <source>ID &amp;number</source>
        <translation>身份号码(&amp;N)</translation>
    </message>
    <message>
        <source>Company n&amp;ame</source>
        <translation>企业名称(&amp;A)</translation>
    </message>
    <message>
        <source>N&amp;ame</source>
        <translation>姓名(&amp;A)</translation>
    </message>
    <message>
        <source>Scan the business licence QR code, or type the code</source>
        <translation>扫描营业执照二维码，或输入信用代码</translation>
    </message>
    <message>
        <source>Place the ID card on the reader, or type the number</source>
        <translation>请将身份证放在读卡器上，或输入身份号码</translation>
    </message>
    <message>
        <source>Agent: %1</source>
        <translation>代办人：%1</translation>
    </message>
    <message>
        <source>No applicant yet.</source>
        <translation>尚未确定申请人。</translation>
    </message>
    <message>
        <source>Another applicant: read their card or type their number and name.</source>
        <translation>增加申请人：请读取其证件，或输入其身份号码和姓名。</translation>
    </message>
    <message>
        <source>The agent&apos;s card was read. Now type the applicant&apos;s ID number and name.</source>
        <translation>已读取代办人证件。请输入申请人的身份号码和姓名。</translation>
    </message>
    <message>
        <source>Applicant %1: %2</source>
        <translation>申请人 %1：%2</translation>
    </message>
</context>
<context>
    <name>ow::ui::CaseListModel</name>
    <message>
        <source>accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>accepted with 容缺</source>
        <translation>容缺受理</translation>
    </message>
    <message>
        <source>one-time notice issued</source>
        <translation>已出具一次性告知书</translation>
    </message>
    <message>
        <source>not accepted</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>in progress (%1)</source>
        <translation>办理中（%1）</translation>
    </message>
    <message>
        <source>waiting to sync</source>
        <translation>待同步</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>跑动次数</translation>
    </message>
    <message>
        <source>Promised by</source>
        <translation>承诺办结日</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>sent, awaiting confirmation</source>
        <translation>已上报，待确认</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>sync conflict</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <source>provisional receipt · waiting to sync</source>
        <translation>临时凭证 · 待同步</translation>
    </message>
    <message>
        <source>provisional receipt · sent, awaiting confirmation</source>
        <translation>临时凭证 · 已上报，待确认</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>部门办理</translation>
    </message>
    <message>
        <source>; </source>
        <translation>、</translation>
    </message>
    <message>
        <source>abandoned</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>已上报</translation>
    </message>
    <message>
        <source>handed out</source>
        <translation>已出件</translation>
    </message>
    <message>
        <source>sent by courier</source>
        <translation>已邮寄</translation>
    </message>
    <message>
        <source>Visits until the result; after a +, visits to collect it</source>
        <translation>办结前到场次数；“+”后为领取结果到场次数</translation>
    </message>
</context>
<context>
    <name>ow::ui::CaseTimelineDialog</name>
    <message>
        <source>with the department</source>
        <translation>部门办理中</translation>
    </message>
    <message>
        <source>asks for a supplement: %1</source>
        <translation>要求补正：%1</translation>
    </message>
    <message>
        <source>supplement taken in, with the department again</source>
        <translation>已收取补正材料，部门重新办理中</translation>
    </message>
    <message>
        <source>approved, result being prepared</source>
        <translation>准予许可，结果制作中</translation>
    </message>
    <message>
        <source>result ready: %1</source>
        <translation>结果已出：%1</translation>
    </message>
    <message>
        <source>rejected: %1</source>
        <translation>不予许可：%1</translation>
    </message>
    <message>
        <source>handed out</source>
        <translation>已出件</translation>
    </message>
    <message>
        <source>sent by courier</source>
        <translation>已邮寄</translation>
    </message>
    <message>
        <source>The catalogue or the local store is not available.</source>
        <translation>事项目录或本地数据库不可用。</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>案件 %1</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform>等 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>at most one visit: met</source>
        <translation>最多跑一次：已达成</translation>
    </message>
    <message>
        <source>at most one visit: not met</source>
        <translation>最多跑一次：未达成</translation>
    </message>
    <message numerus="yes">
        <source>The applicant came %n time(s) until the result (%1)</source>
        <translation>
            <numerusform>办结前申请人到场 %n 次（%1）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; collected in person (%n pickup visit(s))</source>
        <translation>
            <numerusform>；本人领取（领取到场 %n 次）</numerusform>
        </translation>
    </message>
    <message>
        <source>; sent by courier: no pickup visit</source>
        <translation>；邮寄送达，无需到场领取</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>容缺 (accepted on commitment)</source>
        <translation>容缺（承诺受理）</translation>
    </message>
    <message>
        <source>%1 — overdue</source>
        <translation>%1——已逾期</translation>
    </message>
    <message>
        <source>What to bring</source>
        <translation>需补正材料</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>提出方</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>办理情况</translation>
    </message>
    <message>
        <source>Window or department</source>
        <translation>窗口或部门</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Case %1 has no supplement to take in.</source>
        <translation>案件 %1 没有需收取的补正材料。</translation>
    </message>
    <message>
        <source>Supplement taken in.</source>
        <translation>已收取补正材料。</translation>
    </message>
    <message>
        <source>Handed out.</source>
        <translation>已出件。</translation>
    </message>
    <message>
        <source>%1. Ready for hand-out (待出件).</source>
        <translation>%1。待出件。</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1。%2</translation>
    </message>
</context>
<context>
    <name>ow::ui::CasesPage</name>
    <message>
        <source>Select a case first.</source>
        <translation>请先选择一个案件。</translation>
    </message>
    <message>
        <source>Case %1 is not decided yet: there is no document to print again.</source>
        <translation>案件 %1 尚未作出受理决定，没有可重新打印的文书。</translation>
    </message>
    <message>
        <source>The catalogue or the local store is not available.</source>
        <translation>事项目录或本地库不可用。</translation>
    </message>
    <message>
        <source>Reprint · %1</source>
        <translation>重新打印 · %1</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>No receipt printer: print the A4 document instead.</source>
        <translation>没有回执打印机：请打印 A4 文书。</translation>
    </message>
    <message>
        <source>Case %1: the document is shown again.</source>
        <translation>案件 %1：文书已重新显示。</translation>
    </message>
    <message>
        <source>This QR code is refused: %1</source>
        <translation>此二维码无效：%1</translation>
    </message>
    <message>
        <source>Case %1 found by its QR code.</source>
        <translation>已按二维码找到案件 %1。</translation>
    </message>
    <message>
        <source>Case %1 is not decided yet: continue it on the intake screen.</source>
        <translation>案件 %1 尚未作出受理决定：请在受理界面继续办理。</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>办理过程(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Reprint</source>
        <translation>重新打印(&amp;R)</translation>
    </message>
    <message>
        <source>Take in &amp;supplement…</source>
        <translation>收取补正材料(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Hand out…</source>
        <translation>出件(&amp;H)…</translation>
    </message>
    <message>
        <source>The local store is not available.</source>
        <translation>本地数据库不可用。</translation>
    </message>
    <message>
        <source>Case %1 is not decided yet.</source>
        <translation>案件 %1 尚未作出受理决定。</translation>
    </message>
    <message>
        <source>Case %1 has no supplement to take in.</source>
        <translation>案件 %1 没有需收取的补正材料。</translation>
    </message>
</context>
<context>
    <name>ow::ui::ChecklistPanel</name>
    <message>
        <source>✔ received</source>
        <translation>✔ 已收</translation>
    </message>
    <message>
        <source>✔ e-licence</source>
        <translation>✔ 电子证照</translation>
    </message>
    <message>
        <source>… later (容缺)</source>
        <translation>… 容缺后补</translation>
    </message>
    <message>
        <source>✘ missing</source>
        <translation>✘ 缺</translation>
    </message>
    <message numerus="yes">
        <source>%n original(s)</source>
        <translation>
            <numerusform>原件 %n 份</numerusform>
        </translation>
    </message>
    <message>
        <source>show original</source>
        <translation>验原件</translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies)</source>
        <translation>
            <numerusform>复印件 %n 份</numerusform>
        </translation>
    </message>
    <message>
        <source>e-licence: %1</source>
        <translation>电子证照：%1</translation>
    </message>
    <message>
        <source>Choose a matter to see its checklist.</source>
        <translation>请选择事项以查看材料清单。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：%2</translation>
    </message>
    <message>
        <source>How to get it: %1</source>
        <translation>获取方式：%1</translation>
    </message>
    <message>
        <source>Complete: every material is here. Accept the case (F5).</source>
        <translation>材料齐全：所有材料均已收齐，请受理(F5)。</translation>
    </message>
    <message>
        <source>Acceptable with 容缺: %1 may follow by %2. Accept with 容缺 (F6) or issue a notice (F7).</source>
        <translation>可容缺受理：%1 可于 %2 前补交。请容缺受理(F6)或出具一次性告知书(F7)。</translation>
    </message>
    <message numerus="yes">
        <source>Incomplete: %n material(s) missing (%1). Issue the one-time notice (F7).</source>
        <translation>
            <numerusform>材料不全：缺 %n 项材料（%1），请出具一次性告知书(F7)。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not acceptable: %1. Refuse with the reason (F8).</source>
        <translation>不符合受理条件：%1。请说明理由并不予受理(F8)。</translation>
    </message>
    <message>
        <source>Answer first: %1</source>
        <translation>请先回答：%1</translation>
    </message>
    <message>
        <source>✔ original</source>
        <translation>✔ 原件</translation>
    </message>
    <message>
        <source>✔ copy</source>
        <translation>✔ 复印件</translation>
    </message>
    <message numerus="yes">
        <source>✔ %n originals</source>
        <translation>
            <numerusform>✔ 原件 %n 份</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✔ %n copies</source>
        <translation>
            <numerusform>✔ 复印件 %n 份</numerusform>
        </translation>
    </message>
    <message>
        <source>✔ issued by %1</source>
        <translation>✔ 由“%1”核发</translation>
    </message>
    <message>
        <source>Cannot accept: %1. Ask for a valid document; issue a notice (F7) or refuse (F8).</source>
        <translation>不能受理：%1。请申请人提供有效证件；可出具一次性告知书(F7)或不予受理(F8)。</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) not applicable</source>
        <translation>
            <numerusform>另有 %n 项不适用</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more (✘ in the table)</source>
        <translation>
            <numerusform>%1 等，另 %n 项见表中 ✘</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ow::ui::CounterDevices</name>
    <message>
        <source>The receipt was printed.</source>
        <translation>回执已打印。</translation>
    </message>
</context>
<context>
    <name>ow::ui::DemoMenu</name>
    <message>
        <source>&amp;Demo</source>
        <translation>演示(&amp;D)</translation>
    </message>
    <message>
        <source>Put a demo card on the reader</source>
        <translation>在读卡器上放置演示证件</translation>
    </message>
    <message>
        <source>Scan the demo business licence</source>
        <translation>扫描演示营业执照</translation>
    </message>
    <message>
        <source>Scan the QR of a notice or receipt</source>
        <translation>扫描告知书或回执上的二维码</translation>
    </message>
    <message>
        <source>Card reader plugged in</source>
        <translation>读卡器已连接</translation>
    </message>
    <message>
        <source>Receipt printer plugged in</source>
        <translation>小票打印机已连接</translation>
    </message>
    <message>
        <source>Paper in the printer</source>
        <translation>打印机有纸</translation>
    </message>
    <message>
        <source>Printer cover closed</source>
        <translation>打印机盖已合上</translation>
    </message>
    <message>
        <source>Foreigner permanent residence card (2017)</source>
        <translation>外国人永久居留身份证（2017 版）</translation>
    </message>
    <message>
        <source>Foreigner permanent residence card (2023)</source>
        <translation>外国人永久居留身份证（2023 版）</translation>
    </message>
    <message>
        <source>Hong Kong/Macao/Taiwan residence permit (expired)</source>
        <translation>港澳台居民居住证（已过期）</translation>
    </message>
    <message>
        <source>Take the card off the reader</source>
        <translation>从读卡器上取走证件</translation>
    </message>
    <message>
        <source>(no store)</source>
        <translation>（无本地库）</translation>
    </message>
    <message>
        <source>(no notice or receipt yet)</source>
        <translation>（尚无告知书或回执）</translation>
    </message>
    <message>
        <source>Resident ID card (man)</source>
        <translation>居民身份证（男）</translation>
    </message>
    <message>
        <source>Resident ID card (woman, long-term)</source>
        <translation>居民身份证（女，长期有效）</translation>
    </message>
    <message>
        <source>Resident ID card (expired)</source>
        <translation>居民身份证（已过期）</translation>
    </message>
    <message>
        <source>Hong Kong/Macao/Taiwan residence permit</source>
        <translation>港澳台居民居住证</translation>
    </message>
    <message>
        <source>acceptance receipt</source>
        <translation>受理回执</translation>
    </message>
    <message>
        <source>one-time notice</source>
        <translation>一次性告知书</translation>
    </message>
    <message>
        <source>容缺 notice</source>
        <translation>容缺受理通知书</translation>
    </message>
    <message>
        <source>non-acceptance notice</source>
        <translation>不予受理通知书</translation>
    </message>
</context>
<context>
    <name>ow::ui::DeviceStatusWidget</name>
    <message>
        <source>Card reader: ready</source>
        <translation>读卡器：就绪</translation>
    </message>
    <message>
        <source>Card reader: reading…</source>
        <translation>读卡器：正在读卡…</translation>
    </message>
    <message>
        <source>Card reader: not connected</source>
        <translation>读卡器：未连接</translation>
    </message>
    <message>
        <source>Card reader: %1</source>
        <translation>读卡器：%1</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Receipt printer: ready</source>
        <translation>小票打印机：就绪</translation>
    </message>
    <message>
        <source>Receipt printer: printing…</source>
        <translation>小票打印机：正在打印…</translation>
    </message>
    <message>
        <source>Receipt printer: not connected</source>
        <translation>小票打印机：未连接</translation>
    </message>
    <message>
        <source>Receipt printer: %1</source>
        <translation>小票打印机：%1</translation>
    </message>
</context>
<context>
    <name>ow::ui::DocumentView</name>
    <message>
        <source>Save the document</source>
        <translation>保存文书</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saving %1 failed: %2</source>
        <translation>保存 %1 失败：%2</translation>
    </message>
</context>
<context>
    <name>ow::ui::HallDisplay</name>
    <message>
        <source>Number %1, please go to window %2</source>
        <translation>请 %1 号到 %2 号窗口</translation>
    </message>
    <message>
        <source>Please wait for your number to be called</source>
        <translation>请留意叫号</translation>
    </message>
    <message>
        <source>Window %1</source>
        <translation>%1 号窗口</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>Not connected to the queue: %1</source>
        <translation>未连接到排队系统：%1</translation>
    </message>
    <message>
        <source>No sound: calls are shown only.</source>
        <translation>无声音输出：仅显示叫号。</translation>
    </message>
    <message>
        <source>No Mandarin voice is installed: a chime announces each call (%1).</source>
        <translation>未安装普通话语音：叫号时以提示音代替（%1）。</translation>
    </message>
</context>
<context>
    <name>ow::ui::HandoutDialog</name>
    <message>
        <source>Case %1: hand out</source>
        <translation>案件 %1：出件</translation>
    </message>
    <message>
        <source>EMS</source>
        <translation>中国邮政 EMS</translation>
    </message>
    <message>
        <source>SF Express</source>
        <translation>顺丰速运</translation>
    </message>
    <message>
        <source>China Post</source>
        <translation>中国邮政</translation>
    </message>
    <message>
        <source>%1 (%2): decision letter — %3</source>
        <translation>%1（%2）：决定书——%3</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1（%2）：%3</translation>
    </message>
    <message>
        <source>Letter of authorisation</source>
        <translation>授权委托书</translation>
    </message>
    <message>
        <source>&amp;Dispatch and print the slip</source>
        <translation>邮寄并打印邮寄单(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Hand out and print the slip</source>
        <translation>出件并打印出件单(&amp;H)</translation>
    </message>
    <message>
        <source>The card was read, but its number is not valid: %1</source>
        <translation>已读卡，但证件号码无效：%1</translation>
    </message>
    <message>
        <source>Put the collector&apos;s ID card on the reader.</source>
        <translation>请将领取人的身份证放在读卡器上。</translation>
    </message>
    <message>
        <source>%1 %2: the applicant in person.</source>
        <translation>%1 %2：申请人本人。</translation>
    </message>
    <message>
        <source>%1 %2 collects for the applicant: scan the letter of authorisation.</source>
        <translation>%1 %2 代申请人领取：请扫描授权委托书。</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 collects for the applicant; the letter of authorisation is scanned (%n page(s)).</source>
        <translation>
            <numerusform>%1 %2 代申请人领取；授权委托书已扫描（%n 页）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Read the collector&apos;s ID card first.</source>
        <translation>请先读取领取人的身份证。</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>No receipt printer: print the A4 slip instead.</source>
        <translation>没有凭条打印机：请改为打印 A4 出件单。</translation>
    </message>
</context>
<context>
    <name>ow::ui::IdentityPanel</name>
    <message>
        <source>Resident ID card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <source>Foreigner permanent residence card (2017)</source>
        <translation>外国人永久居留身份证（2017 版）</translation>
    </message>
    <message>
        <source>Foreigner permanent residence card (2023)</source>
        <translation>外国人永久居留身份证（2023 版）</translation>
    </message>
    <message>
        <source>Hong Kong/Macao/Taiwan residence permit</source>
        <translation>港澳台居民居住证</translation>
    </message>
    <message>
        <source>Place the ID card on the reader.</source>
        <translation>请将身份证放在读卡器上。</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>card taken off the reader</source>
        <translation>证件已从读卡器上取走</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Appended address: %1</source>
        <translation>追加住址：%1</translation>
    </message>
    <message>
        <source>%1 – long-term</source>
        <translation>%1 – 长期</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Pass number %1</source>
        <translation>通行证号码 %1</translation>
    </message>
    <message>
        <source>Issued %1 time(s)</source>
        <translation>签发次数：%1</translation>
    </message>
    <message>
        <source>Issued by %1</source>
        <translation>签发机关：%1</translation>
    </message>
    <message>
        <source>This card expired on %1.</source>
        <translation>该证件已于 %1 过期。</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <source>Photo hidden</source>
        <translation>照片已隐藏</translation>
    </message>
    <message>
        <source>Photo (needs the licensed decoder)</source>
        <translation>照片（需安装授权解码模块）</translation>
    </message>
    <message>
        <source>Revealing is not available here: it cannot be recorded.</source>
        <translation>此处无法查看完整信息：查看记录无法写入。</translation>
    </message>
    <message>
        <source>Not revealed: %1</source>
        <translation>未显示完整信息：%1</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>美国</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>英国</translation>
    </message>
    <message>
        <source>Canada</source>
        <translation>加拿大</translation>
    </message>
    <message>
        <source>Australia</source>
        <translation>澳大利亚</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>德国</translation>
    </message>
    <message>
        <source>France</source>
        <translation>法国</translation>
    </message>
    <message>
        <source>Japan</source>
        <translation>日本</translation>
    </message>
    <message>
        <source>South Korea</source>
        <translation>韩国</translation>
    </message>
    <message>
        <source>Russia</source>
        <translation>俄罗斯</translation>
    </message>
    <message>
        <source>Singapore</source>
        <translation>新加坡</translation>
    </message>
    <message>
        <source>Malaysia</source>
        <translation>马来西亚</translation>
    </message>
    <message>
        <source>Italy</source>
        <translation>意大利</translation>
    </message>
    <message>
        <source>New Zealand</source>
        <translation>新西兰</translation>
    </message>
    <message>
        <source>Pakistan</source>
        <translation>巴基斯坦</translation>
    </message>
    <message>
        <source>India</source>
        <translation>印度</translation>
    </message>
    <message>
        <source>Brazil</source>
        <translation>巴西</translation>
    </message>
    <message>
        <source>Accepting-authority code %1</source>
        <translation>受理机关代码 %1</translation>
    </message>
    <message>
        <source>This card is valid only from %1.</source>
        <translation>此证件自 %1 起才生效。</translation>
    </message>
</context>
<context>
    <name>ow::ui::IntakePage</name>
    <message>
        <source>Identify</source>
        <translation>核验身份</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>选择事项</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>情形问题</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>收取材料</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>审查结论</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Continued the unfinished case %1.</source>
        <translation>已接续未办结案件 %1。</translation>
    </message>
    <message>
        <source>The catalogue or the local store is not available: intake is disabled.</source>
        <translation>事项目录或本地库不可用，暂停受理。</translation>
    </message>
    <message>
        <source>Case %1 is done. Next applicant, please.</source>
        <translation>案件 %1 已完成，请下一位。</translation>
    </message>
    <message>
        <source>New case %1.</source>
        <translation>新案件 %1。</translation>
    </message>
    <message>
        <source>full identity of the applicant shown on screen</source>
        <translation>在屏幕上显示申请人完整身份信息</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>Reason for not accepting:</source>
        <translation>不予受理理由：</translation>
    </message>
    <message>
        <source>A refusal needs its reason.</source>
        <translation>不予受理须填写理由。</translation>
    </message>
    <message>
        <source>No receipt printer: hand over the A4 document instead.</source>
        <translation>未连接小票打印机：请改为交付 A4 文书。</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>Continue a case</source>
        <translation>接续办理</translation>
    </message>
    <message>
        <source>Case %1 continues (visit %2).</source>
        <translation>案件 %1 接续办理（第 %2 次到窗）。</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>案件 %1</translation>
    </message>
    <message>
        <source>No case open</source>
        <translation>未打开案件</translation>
    </message>
    <message>
        <source>The card was read, but its number is not valid: %1</source>
        <translation>已读取证件，但证件号码无效：%1</translation>
    </message>
    <message>
        <source>This card expired on %1: ask for a valid document before accepting.</source>
        <translation>该证件已于 %1 过期：请申请人提供有效证件后再受理。</translation>
    </message>
    <message>
        <source>ID card read.</source>
        <translation>已读取身份证。</translation>
    </message>
    <message>
        <source>A demo card was placed on the simulated reader.</source>
        <translation>演示证件已放上模拟读卡器。</translation>
    </message>
    <message>
        <source>The receipt cannot be printed: %1 Hand over the A4 document, or print again (F10).</source>
        <translation>回执无法打印：%1 请交付 A4 文书，或处理后重新打印(F10)。</translation>
    </message>
    <message>
        <source>Case %1 now follows catalogue %2; check its checklist again.</source>
        <translation>案件 %1 已改用事项目录 %2，请重新核对材料清单。</translation>
    </message>
    <message>
        <source>Case %1 follows catalogue %2; catalogue %3 is loaded now. Ctrl+U moves the case to it (its checklist may change).</source>
        <translation>案件 %1 按事项目录 %2 受理，当前已加载目录 %3。按 Ctrl+U 改用新目录（材料清单可能随之变化）。</translation>
    </message>
    <message>
        <source>the clerk pressed F9 to check the identity</source>
        <translation>窗口人员按 F9 核对身份</translation>
    </message>
    <message>
        <source>confirm &quot;%1&quot;</source>
        <translation>确认“%1”</translation>
    </message>
    <message>
        <source>Company applicant %1 taken from the business licence.</source>
        <translation>已从营业执照读取企业申请人 %1。</translation>
    </message>
    <message>
        <source>Loading the catalogue…</source>
        <translation>正在加载事项目录…</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>就绪。</translation>
    </message>
    <message>
        <source>there is no local store to record the reveal in.</source>
        <translation>没有可记录此次查看的本地库。</translation>
    </message>
    <message>
        <source>full identity on the ID card shown on screen</source>
        <translation>在屏幕上显示了身份证上的完整信息</translation>
    </message>
    <message>
        <source>the clerk asked to see the card</source>
        <translation>窗口人员要求查看身份证</translation>
    </message>
    <message>
        <source>Applicant %1 added.</source>
        <translation>已增加第 %1 位申请人。</translation>
    </message>
    <message>
        <source>Case %1 is not decided yet: decide it (F5–F8) before finishing.</source>
        <translation>案件 %1 尚未作出处理决定：请先处理(F5–F8)再办结。</translation>
    </message>
    <message>
        <source>This card is valid only from %1: ask for a valid document before accepting.</source>
        <translation>该证件自 %1 起才生效：请申请人提供有效证件后再受理。</translation>
    </message>
    <message>
        <source>Scan the QR code of the notice, or type the case number from the slip:</source>
        <translation>扫描告知书上的二维码，或输入回执上的案件编号：</translation>
    </message>
    <message>
        <source>Business licence scanned.</source>
        <translation>已扫描营业执照。</translation>
    </message>
    <message>
        <source>The scanned code is not a notice, a receipt or a business licence: %1</source>
        <translation>扫描的码不是告知书、回执或营业执照：%1</translation>
    </message>
    <message>
        <source>The card was read with warnings: %1</source>
        <translation>已读卡，但存在以下问题：%1</translation>
    </message>
    <message>
        <source>Case %1 is not decided. Leave it? It is closed as abandoned and cannot be continued.</source>
        <translation>案件 %1 尚未作出处理决定。确定离开吗？离开后该案件按“已放弃”关闭，不能再接续办理。</translation>
    </message>
    <message>
        <source>Case %1 of %2 is not decided. Leave it? It is closed as abandoned and cannot be continued.</source>
        <translation>%2 的案件 %1 尚未作出处理决定。确定离开吗？离开后该案件按“已放弃”关闭，不能再接续办理。</translation>
    </message>
    <message>
        <source>Leave the case?</source>
        <translation>离开当前案件？</translation>
    </message>
    <message>
        <source>Case %1 stays open.</source>
        <translation>案件 %1 继续办理。</translation>
    </message>
    <message>
        <source>Issue a notice of non-acceptance (不予受理通知书) for case %1?

Reason: %2</source>
        <translation>确定为案件 %1 出具不予受理通知书吗？

理由：%2</translation>
    </message>
    <message>
        <source>No notice of non-acceptance was issued.</source>
        <translation>未出具不予受理通知书。</translation>
    </message>
    <message>
        <source>The sync did not answer.</source>
        <translation>同步服务未响应。</translation>
    </message>
    <message>
        <source>Confirming with the back office…</source>
        <translation>正在向后台确认…</translation>
    </message>
    <message>
        <source>The back office did not acknowledge the case (%1): the document is provisional.</source>
        <translation>后台未确认本案件（%1），本次出具的是临时凭证。</translation>
    </message>
    <message>
        <source>%1 Provisional receipt: valid once the back office confirms the case.</source>
        <translation>%1 本件为临时受理凭证，待后台确认后生效。</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Case %1: the applicant is back for it.</source>
        <translation>案件 %1：申请人再次到场办理。</translation>
    </message>
    <message>
        <source>There is nothing to take in or hand out.</source>
        <translation>没有需收取的材料，也没有可发放的结果。</translation>
    </message>
    <message>
        <source>It has no supplement to take in and nothing to hand out: %1</source>
        <translation>该案件没有需收取的补正材料，也没有可发放的结果：%1</translation>
    </message>
    <message>
        <source>Intake is not ready yet (the catalogue is loading).</source>
        <translation>受理尚未就绪（事项目录正在加载）。</translation>
    </message>
    <message>
        <source>Case %1 is still open at this window.</source>
        <translation>本窗口仍有未办结的办件 %1。</translation>
    </message>
    <message>
        <source>Case %1 begins with ticket %2.</source>
        <translation>办件 %1 已按号票 %2 开始受理。</translation>
    </message>
</context>
<context>
    <name>ow::ui::KioskWindow</name>
    <message>
        <source>No ticket can be issued right now: %1 Please ask the staff.</source>
        <translation>暂时无法取号：%1 请咨询工作人员。</translation>
    </message>
    <message numerus="yes">
        <source>%1
%n waiting</source>
        <translation>
            <numerusform>%1
%n 人等候</numerusform>
        </translation>
    </message>
    <message>
        <source>No service takes tickets here right now. Please ask the staff.</source>
        <translation>目前没有可取号的业务，请咨询工作人员。</translation>
    </message>
    <message>
        <source>Issuing your ticket…</source>
        <translation>正在为您取号…</translation>
    </message>
    <message>
        <source>You are next.</source>
        <translation>下一位就是您。</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting ahead of you.</source>
        <translation>
            <numerusform>您前面还有 %n 人。</numerusform>
        </translation>
    </message>
    <message>
        <source>The ticket printer is not connected.</source>
        <translation>号票打印机未连接。</translation>
    </message>
    <message>
        <source>Printing your ticket…</source>
        <translation>正在打印号票…</translation>
    </message>
    <message>
        <source>Please take your ticket and wait for your number to be called.</source>
        <translation>请取走号票，留意叫号。</translation>
    </message>
    <message>
        <source>The ticket could not be printed: %1
Your number is %2 and it is in the queue. Please note it, or ask the staff and print again.</source>
        <translation>号票未能打印：%1
您的号码是 %2，已在排队中。请记下号码，或请工作人员处理后重新打印。</translation>
    </message>
    <message>
        <source>Aged %1 or over? Put your ID card on the reader before choosing, to go ahead.</source>
        <translation>%1 周岁及以上老年人，请先将身份证放在读卡器上，再选择业务，可优先办理。</translation>
    </message>
    <message>
        <source>ID card read (aged %1): your ticket goes ahead as elderly.</source>
        <translation>已读取身份证（%1 周岁）：您的号票按老年人优先。</translation>
    </message>
    <message>
        <source>ID card read: choose your service.</source>
        <translation>已读取身份证，请选择业务。</translation>
    </message>
    <message>
        <source>The ticket printer is out of order (%1): your number will be shown on screen.</source>
        <translation>号票打印机故障（%1）：取号后号码将显示在屏幕上。</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Looking for your appointment…</source>
        <translation>正在查找您的预约…</translation>
    </message>
    <message>
        <source>No appointment today for this ID card. Choose your service: your ticket goes ahead as elderly (aged %1).</source>
        <translation>未查到此身份证今日的预约。请选择办理的业务：您的号按老年人优先（%1 周岁）。</translation>
    </message>
    <message>
        <source>No appointment today for this ID card: choose your service.</source>
        <translation>未查到此身份证今日的预约：请选择办理的业务。</translation>
    </message>
    <message>
        <source>This is not the QR code of a notice or receipt of this centre.</source>
        <translation>这不是本中心通知书或回执上的二维码。</translation>
    </message>
    <message>
        <source>Issuing the return ticket for your case %1…</source>
        <translation>正在为您的办件 %1 取号…</translation>
    </message>
    <message>
        <source>This QR code cannot be used: %1
No ticket was issued. Please ask the staff.</source>
        <translation>此二维码无法使用。%1
未取号，请咨询工作人员。</translation>
    </message>
    <message>
        <source>Your case %1: please wait for your number to be called.</source>
        <translation>您的办件 %1：请等候叫号。</translation>
    </message>
</context>
<context>
    <name>ow::ui::LockScreen</name>
    <message>
        <source>Signed in: %1. Enter your password to continue; the open case is kept as it is.</source>
        <translation>当前登录：%1。请输入密码继续；正在办理的案件保持原样。</translation>
    </message>
</context>
<context>
    <name>ow::ui::MainWindow</name>
    <message>
        <source>Queue</source>
        <translation>排队叫号</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>督办</translation>
    </message>
    <message>
        <source>Demo mode: simulated devices, demo data</source>
        <translation>演示模式：模拟设备、演示数据</translation>
    </message>
    <message>
        <source>No window assigned</source>
        <translation>未分配窗口</translation>
    </message>
    <message>
        <source>About OneWindow</source>
        <translation>关于一窗受理</translation>
    </message>
    <message>
        <source>&lt;h3&gt;OneWindow %1&lt;/h3&gt;&lt;p&gt;The comprehensive acceptance window: one set of materials, one window, at most one visit.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;一窗受理 %1&lt;/h3&gt;&lt;p&gt;综合窗口受理：一套材料、一窗受理、最多跑一次。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Window: %1 · clerk %2</source>
        <translation>窗口：%1 · 工作人员 %2</translation>
    </message>
    <message>
        <source>Intake, hand-out and the queue are for clerk and station accounts; %1 signed in as %2. Administrators set windows and accounts up with onewindow-tool and the back office.</source>
        <translation>受理、出件和排队叫号仅限窗口人员和服务站账号使用；%1 当前以“%2”身份登录。管理员请通过 onewindow-tool 和后台配置窗口与账号。</translation>
    </message>
</context>
<context>
    <name>ow::ui::MatterSearchPanel</name>
    <message>
        <source>Chosen: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>已选：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1  (one-matter bundle)</source>
        <translation>%1（一件事）</translation>
    </message>
</context>
<context>
    <name>ow::ui::QuestionsPanel</name>
    <message>
        <source>number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>number, in %1</source>
        <translation>数字，单位：%1</translation>
    </message>
    <message>
        <source>— not answered —</source>
        <translation>— 未回答 —</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>— to confirm —</source>
        <translation>— 待确认 —</translation>
    </message>
    <message>
        <source>confirmed: it holds</source>
        <translation>已确认：符合</translation>
    </message>
    <message>
        <source>it does not hold</source>
        <translation>不符合</translation>
    </message>
    <message>
        <source>Condition (%1): %2</source>
        <translation>受理条件（%1）：%2</translation>
    </message>
    <message>
        <source>%1 (from the document)</source>
        <translation>%1（来自证件）</translation>
    </message>
    <message>
        <source>Filled in from the applicant&apos;s ID card or credit code; change it if it is wrong.</source>
        <translation>根据申请人的身份证或信用代码自动填写；如有误可修改。</translation>
    </message>
</context>
<context>
    <name>ow::ui::QueuePage</name>
    <message>
        <source>No one is waiting in this window&apos;s services.</source>
        <translation>本窗口的业务目前无人等候。</translation>
    </message>
    <message>
        <source>Call next (F1)</source>
        <translation>叫号 (F1)</translation>
    </message>
    <message>
        <source>Start intake (Enter)</source>
        <translation>开始受理 (Enter)</translation>
    </message>
    <message>
        <source>Recall (F2)</source>
        <translation>重呼 (F2)</translation>
    </message>
    <message>
        <source>No-show (F3)</source>
        <translation>过号 (F3)</translation>
    </message>
    <message>
        <source>Transfer (F4)</source>
        <translation>转移 (F4)</translation>
    </message>
    <message>
        <source>Park (F5)</source>
        <translation>暂挂 (F5)</translation>
    </message>
    <message>
        <source>Resume (F6)</source>
        <translation>恢复 (F6)</translation>
    </message>
    <message>
        <source>Elderly</source>
        <translation>老年人</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>残疾人</translation>
    </message>
    <message>
        <source>Pregnant</source>
        <translation>孕妇</translation>
    </message>
    <message>
        <source>Military</source>
        <translation>军人</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>Ticket %1 called; case %2 is open for it.</source>
        <translation>已呼叫 %1 号，已为其开立办件 %2。</translation>
    </message>
    <message>
        <source>Ticket %1 called, but its case could not be opened: %2</source>
        <translation>已呼叫 %1 号，但未能开立办件：%2</translation>
    </message>
    <message>
        <source>Ticket %1 called.</source>
        <translation>已呼叫 %1 号。</translation>
    </message>
    <message>
        <source>Ticket %1 called again.</source>
        <translation>已重呼 %1 号。</translation>
    </message>
    <message>
        <source>Serving ticket %1.</source>
        <translation>正在办理 %1 号。</translation>
    </message>
    <message>
        <source>Ticket %1 parked.</source>
        <translation>%1 号已暂挂。</translation>
    </message>
    <message>
        <source>Ticket %1 marked as no-show.</source>
        <translation>%1 号已标记为过号。</translation>
    </message>
    <message>
        <source>Ticket %1 transferred.</source>
        <translation>%1 号已转移。</translation>
    </message>
    <message>
        <source>Ticket %1 done.</source>
        <translation>%1 号已办结。</translation>
    </message>
    <message>
        <source>This window has no queue (no back office).</source>
        <translation>本窗口未接入排队系统（未连接后台）。</translation>
    </message>
    <message>
        <source>Choose a parked ticket to resume.</source>
        <translation>请选择要恢复的暂挂号。</translation>
    </message>
    <message>
        <source>Transfer ticket %1</source>
        <translation>转移 %1 号</translation>
    </message>
    <message>
        <source>Window code (e.g. W03), or a service: %1</source>
        <translation>目标窗口编号（如 W03），或业务：%1</translation>
    </message>
    <message>
        <source>No ticket is called to this window. Press F1 to call the next applicant.</source>
        <translation>本窗口当前无人。按 F1 呼叫下一位。</translation>
    </message>
    <message>
        <source>This window has no queue: it needs a back office, or a station&apos;s own queue.</source>
        <translation>本窗口未接入排队系统：需要连接后台，或使用站点本地队列。</translation>
    </message>
    <message>
        <source>Taken at %1, waited %2</source>
        <translation>%1 取号，已等候 %2</translation>
    </message>
    <message>
        <source>Priority: %1</source>
        <translation>优先：%1</translation>
    </message>
    <message numerus="yes">
        <source>Called %n time(s); waiting for the applicant.</source>
        <translation>
            <numerusform>已呼叫 %n 次，等候办事人到窗口。</numerusform>
        </translation>
    </message>
    <message>
        <source>Being served.</source>
        <translation>正在办理。</translation>
    </message>
    <message>
        <source>Case %1.</source>
        <translation>办件 %1。</translation>
    </message>
    <message numerus="yes">
        <source>Recall is possible in %n second(s): the applicant needs time to come.</source>
        <translation>
            <numerusform>%n 秒后可重呼：请给办事人留出到窗口的时间。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No-show only after %n call(s), the recall delay after the last.</source>
        <translation>
            <numerusform>呼叫满 %n 次且距上次呼叫超过重呼间隔后，方可标记过号。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting for this window: %n</source>
        <translation>
            <numerusform>本窗口等候：%n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Parked here: %n</source>
        <translation>
            <numerusform>本窗口暂挂：%n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Walk-in ticket (F7)</source>
        <translation>现场取号 (F7)</translation>
    </message>
    <message>
        <source>A ticket for the applicant at the window; a scanned notice or receipt QR makes it a return ticket for the case.</source>
        <translation>为窗口前的申请人取号；扫描通知书或回执上的二维码，即取该办件的续办号。</translation>
    </message>
    <message>
        <source>Reprint ticket (F8)</source>
        <translation>重打小票 (F8)</translation>
    </message>
    <message>
        <source>Issuing a ticket…</source>
        <translation>正在取号…</translation>
    </message>
    <message>
        <source>Issuing a return ticket for case %1…</source>
        <translation>正在为办件 %1 取续办号…</translation>
    </message>
    <message numerus="yes">
        <source>Ticket %1 issued (%2, %n waiting ahead).</source>
        <translation>
            <numerusform>已取号 %1（%2，前面还有 %n 人）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Return ticket %1 issued for case %2 (%n waiting ahead).</source>
        <translation>
            <numerusform>已为办件 %2 取续办号 %1（前面还有 %n 人）。</numerusform>
        </translation>
    </message>
    <message>
        <source>The receipt printer is not connected.</source>
        <translation>回执打印机未连接。</translation>
    </message>
    <message>
        <source>Printing the ticket…</source>
        <translation>正在打印小票…</translation>
    </message>
    <message>
        <source>The ticket is printed: hand it to the applicant.</source>
        <translation>小票已打印，请交给申请人。</translation>
    </message>
    <message>
        <source>It could not be printed: %1 The ticket is in the queue: tell the applicant the number %2, or reprint it (F8) once the printer is ready.</source>
        <translation>小票未能打印：%1 号码已在队列中：请告知申请人号码 %2，或待打印机恢复后按 F8 重打。</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>the ticket issued, then its printing</comment>
        <translation>%1%2</translation>
    </message>
</context>
<context>
    <name>ow::ui::RatingPrompt</name>
    <message>
        <source>How was the service when you brought the supplement?</source>
        <translation>您对本次补正材料的服务满意吗？</translation>
    </message>
    <message>
        <source>How was the service when you collected your results?</source>
        <translation>您对本次领取办理结果的服务满意吗？</translation>
    </message>
    <message>
        <source>How was the service when your application was accepted?</source>
        <translation>您对本次受理服务满意吗？</translation>
    </message>
    <message>
        <source>The back office&apos;s rating key has not arrived yet; the rating cannot be sealed.</source>
        <translation>尚未收到后台的评价密钥，评价无法加密。</translation>
    </message>
    <message>
        <source>The catalogue or the local store is not available.</source>
        <translation>事项目录或本地数据库不可用。</translation>
    </message>
</context>
<context>
    <name>ow::ui::ScanPanel</name>
    <message>
        <source>Import scanned pages</source>
        <translation>导入扫描页面</translation>
    </message>
    <message>
        <source>Scanned pages (%1)</source>
        <translation>扫描页面（%1）</translation>
    </message>
    <message>
        <source>The folder %1 cannot be watched for scanned pages.</source>
        <translation>无法监视文件夹 %1 中的扫描页面。</translation>
    </message>
    <message numerus="yes">
        <source> (%n page(s), attached)</source>
        <translation>
            <numerusform>（%n 页，已归入）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n page(s))</source>
        <translation>
            <numerusform>（%n 页）</numerusform>
        </translation>
    </message>
    <message>
        <source> (attached)</source>
        <translation>（已归入）</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>%1, page %2</source>
        <translation>%1，第 %2 页</translation>
    </message>
    <message>
        <source>Page %1 deleted.</source>
        <translation>已删除第 %1 页。</translation>
    </message>
    <message>
        <source>Page %1: %p%</source>
        <translation>第 %1 页：%p%</translation>
    </message>
    <message numerus="yes">
        <source>%1 (the %n page(s) scanned before are kept)</source>
        <translation>
            <numerusform>%1（此前已扫描的 %n 页均已保留）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) scanned.</source>
        <translation>
            <numerusform>已扫描 %n 页。</numerusform>
        </translation>
    </message>
    <message>
        <source>Scanning…</source>
        <translation>正在扫描…</translation>
    </message>
    <message>
        <source>Choose a material on the checklist first.</source>
        <translation>请先在材料清单中选择一项材料。</translation>
    </message>
    <message>
        <source>%v of %m files</source>
        <translation>第 %v 个，共 %m 个文件</translation>
    </message>
    <message>
        <source>No case is open.</source>
        <translation>当前没有打开的案件。</translation>
    </message>
    <message>
        <source>There is no store for scanned documents.</source>
        <translation>没有存放扫描材料的本地库。</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) attached to the case (%1 KB).</source>
        <translation>
            <numerusform>已将 %n 页归入案件（%1 KB）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ow::ui::SignInDialog</name>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Signed in offline</source>
        <translation>离线登录</translation>
    </message>
    <message>
        <source>The back office is not reachable; cases are kept here and sent when it is back.</source>
        <translation>无法连接后台；案件先保存在本机，恢复连接后自动发送。</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>继续(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ow::ui::SupervisorPage</name>
    <message>
        <source>Today, %1, is a public holiday (%2).</source>
        <translation>今天（%1）是法定节假日（%2）。</translation>
    </message>
    <message>
        <source>Today, %1, is a working day.</source>
        <translation>今天（%1）是工作日。</translation>
    </message>
    <message>
        <source>Today, %1, is a rest day.</source>
        <translation>今天（%1）是休息日。</translation>
    </message>
    <message>
        <source>Warning: there is no holiday table for %1; only weekends are counted.</source>
        <translation>警告：没有 %1 年的节假日表，只扣除周末。</translation>
    </message>
    <message>
        <source>Note: the %1 holiday table is provisional.</source>
        <translation>注意：%1 年节假日表为暂定。</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Acceptance</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Supplement</source>
        <translation>补正</translation>
    </message>
    <message>
        <source>Hand-out</source>
        <translation>出件</translation>
    </message>
    <message>
        <source>Not called back yet</source>
        <translation>尚未回访</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>unresolved</source>
        <translation>未解决</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>联系不上</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1（%2，%3）</translation>
    </message>
    <message>
        <source>The appeal is granted: the rating is removed.</source>
        <translation>申诉成立：该评价已撤销。</translation>
    </message>
    <message>
        <source>The appeal is refused: the rating stands.</source>
        <translation>申诉驳回：维持原评价。</translation>
    </message>
    <message>
        <source>The appeal was not decided: %1</source>
        <translation>申诉未能裁定：%1</translation>
    </message>
    <message>
        <source>Cases due by %1 (2 working days) count as near their deadline.</source>
        <translation>%1（2 个工作日）前到期的办件计为临期。</translation>
    </message>
    <message>
        <source>This window has no back office: the supervisor&apos;s view is computed there. Set the window up with its back office (onewindow-tool enrol) and sign in again.</source>
        <translation>本窗口未连接后台：督办数据由后台统计。请先为本窗口配置后台（onewindow-tool enrol）后重新登录。</translation>
    </message>
    <message>
        <source>No windows are assigned to you for supervision yet. An administrator assigns them at the back office: onewindow-backoffice admin add-user --name %1 --role supervisor --windows KEYID,KEYID.</source>
        <translation>尚未给您分配督办窗口。请管理员在后台分配：onewindow-backoffice admin add-user --name %1 --role supervisor --windows 窗口编号,窗口编号。</translation>
    </message>
    <message>
        <source>Asking the back office…</source>
        <translation>正在向后台查询…</translation>
    </message>
    <message>
        <source>The back office did not answer: %1</source>
        <translation>后台未响应：%1</translation>
    </message>
    <message>
        <source>Figures as of %1 (%2 old): the refresh failed: %3</source>
        <translation>以下为 %1 的数据（已过 %2）：刷新失败：%3</translation>
    </message>
    <message>
        <source>Updated at %1; refreshed every %2 s while shown (F5: now).</source>
        <translation>更新于 %1；显示期间每 %2 秒自动刷新（按 F5 立即刷新）。</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>%1 (%2 ago)</source>
        <translation>%1（%2 前）</translation>
    </message>
    <message>
        <source>OFFLINE: %1</source>
        <translation>离线：%1</translation>
    </message>
    <message>
        <source>%1 (called)</source>
        <translation>%1（已叫号）</translation>
    </message>
    <message>
        <source>nobody signed in</source>
        <translation>无人登录</translation>
    </message>
    <message>
        <source>%1 item(s) past the promised date, %2 due within 2 working days (by %3).</source>
        <translation>超过承诺期限 %1 个事项，2 个工作日内（%3 前）到期 %2 个。</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s) late</source>
        <translation>
            <numerusform>超期 %n 个工作日</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s) left</source>
        <translation>
            <numerusform>剩余 %n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <source>容缺 supplement</source>
        <translation>容缺补齐</translation>
    </message>
    <message>
        <source>Department&apos;s request</source>
        <translation>部门补正</translation>
    </message>
    <message>
        <source>Supplements overdue: %1</source>
        <translation>补正逾期：%1 件</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>%1: %2 tickets, average wait %3 min (P90 %4 min), average handling %5 min; accepted %6, 容缺 %7, notices %8, refused %9; done in at most one visit: %10 of %11 (%12).</source>
        <translation>%1：叫号 %2 人次，平均等候 %3 分钟（90% 不超过 %4 分钟），平均办理 %5 分钟；受理 %6 件，容缺 %7 件，告知 %8 件，不予受理 %9 件；最多跑一次：%11 件中 %10 件（%12）。</translation>
    </message>
    <message>
        <source>Rectified</source>
        <translation>已整改</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>整改中</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>整改超期</translation>
    </message>
    <message>
        <source>(appealed)</source>
        <translation>（已申诉）</translation>
    </message>
    <message>
        <source>Bad ratings: %1 (each opens a rectification due in 15 working days)</source>
        <translation>差评：%1 条（每条差评须在 15 个工作日内整改）</translation>
    </message>
    <message>
        <source>Appeals waiting for your decision: %1</source>
        <translation>待您裁定的申诉：%1 条</translation>
    </message>
    <message>
        <source>Tickets and waits per day</source>
        <translation>每日叫号与等候</translation>
    </message>
    <message>
        <source>Results per day and the share done in one visit</source>
        <translation>每日办结与最多跑一次占比</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>取号数</translation>
    </message>
    <message>
        <source>P90 wait (min)</source>
        <translation>90%等候（分钟）</translation>
    </message>
    <message>
        <source>min</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Accepted (incl. 容缺)</source>
        <translation>受理（含容缺）</translation>
    </message>
    <message>
        <source>Cases with a result</source>
        <translation>办结件数</translation>
    </message>
    <message>
        <source>Done in one visit (%)</source>
        <translation>最多跑一次（%）</translation>
    </message>
    <message>
        <source>M/d</source>
        <translation>M/d</translation>
    </message>
    <message>
        <source>%1 day(s) from %2 to %3.</source>
        <translation>%2 至 %3，共 %1 天。</translation>
    </message>
    <message>
        <source>Export the outcomes</source>
        <translation>导出办件统计</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>%1 was not saved: %2</source>
        <translation>%1 未能保存：%2</translation>
    </message>
    <message>
        <source>Save the daily report</source>
        <translation>保存督办日报</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>正在生成日报…</translation>
    </message>
    <message>
        <source>Grant the appeal on case %1 and remove the rating? It then counts nowhere and its rectification ends.</source>
        <translation>认定办件 %1 的申诉成立并撤销该评价？撤销后该评价不再计入统计，相应整改随之结束。</translation>
    </message>
    <message>
        <source>Refuse the appeal on case %1? The rating stands.</source>
        <translation>驳回办件 %1 的申诉？原评价维持不变。</translation>
    </message>
    <message>
        <source>Decide the appeal</source>
        <translation>裁定申诉</translation>
    </message>
    <message>
        <source>Windows %1–%2 of %3, those that need attention first; the totals count all %3.</source>
        <translation>第 %1–%2 个窗口（共 %3 个，需关注的排在前面）；合计数统计全部 %3 个窗口。</translation>
    </message>
</context>
<context>
    <name>ow::ui::SupplementDialog</name>
    <message>
        <source>original</source>
        <translation>原件</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>复印件</translation>
    </message>
    <message>
        <source>e-licence</source>
        <translation>电子证照</translation>
    </message>
    <message>
        <source>Case %1: the applicant brings</source>
        <translation>案件 %1：申请人补正</translation>
    </message>
    <message>
        <source>容缺</source>
        <translation>容缺</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>无截止日期</translation>
    </message>
    <message>
        <source>%1 — overdue</source>
        <translation>%1——已逾期</translation>
    </message>
    <message>
        <source>There is no supplement to take in.</source>
        <translation>没有需收取的补正材料。</translation>
    </message>
    <message>
        <source>That task is done already.</source>
        <translation>该补正事项已完成。</translation>
    </message>
</context>
<context>
    <name>ow::ui::SyncPanel</name>
    <message>
        <source>State: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>最近错误：%1</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Waiting to be sent: %n case(s)</source>
        <translation>
            <numerusform>待上报(&amp;W)：%n 件案件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies)</source>
        <translation>
            <numerusform>%n 条记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>记录序号</translation>
    </message>
    <message>
        <source>Differs at the back office</source>
        <translation>与后台不一致的字段</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>(the back office named no field)</source>
        <translation>（后台未指明字段）</translation>
    </message>
    <message>
        <source>&amp;Conflicts: none</source>
        <translation>冲突(&amp;C)：无</translation>
    </message>
    <message>
        <source>&amp;Conflicts: the back office already holds different content for these entries. The case stops here and nothing is changed or dropped: copy the details and give them to the back office administrator.</source>
        <translation>冲突(&amp;C)：后台已存有这些记录的不同内容。该案件暂停同步，任何内容都不会被修改或丢弃：请复制详情，交给后台管理员处理。</translation>
    </message>
    <message>
        <source>Last success: %1</source>
        <translation>最近成功：%1</translation>
    </message>
    <message>
        <source>Waiting to be sent: %1 cases, %2 entries, %3 files</source>
        <translation>待上报：%1 件案件，%2 条记录，%3 个文件</translation>
    </message>
    <message>
        <source>Conflicts: %1</source>
        <translation>冲突：%1</translation>
    </message>
    <message>
        <source>  case %1 (%2), entry %3, differs in: %4, since %5</source>
        <translation>  案件 %1（%2），第 %3 条记录，不一致字段：%4，发现于 %5</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1，%2，%3</translation>
    </message>
    <message>
        <source>Refused by the back office</source>
        <translation>后台拒收</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>后台拒收：%1</translation>
    </message>
    <message>
        <source>%1
The back office said: %2</source>
        <translation>%1
后台说明：%2</translation>
    </message>
    <message>
        <source>  case %1 (%2), entry %3, refused by the back office, since %4</source>
        <translation>  案件 %1（%2），第 %3 条记录，被后台拒收，发现于 %4</translation>
    </message>
    <message>
        <source>    the back office said: %1</source>
        <translation>    后台说明：%1</translation>
    </message>
    <message>
        <source>    %1: here “%2”, at the back office “%3”</source>
        <translation>    %1：本窗口为“%2”，后台为“%3”</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>…另有 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>time recorded</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <source>clerk</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>kind of entry</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>content</source>
        <translation>记录内容</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1:
here “%2”
at the back office “%3”</source>
        <translation>%1：
本窗口为“%2”
后台为“%3”</translation>
    </message>
    <message>
        <source>The cases waiting cannot be read: %1</source>
        <translation>无法读取待同步案件：%1</translation>
    </message>
</context>
<context>
    <name>ow::ui::SyncStatusWidget</name>
    <message>
        <source>No back office set</source>
        <translation>未连接后台</translation>
    </message>
    <message>
        <source>Offline since %1</source>
        <translation>离线（自 %1 起）</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Sync error</source>
        <translation>同步出错</translation>
    </message>
    <message>
        <source>Sync error: %1</source>
        <translation>同步出错：%1</translation>
    </message>
    <message numerus="yes">
        <source>Syncing %n entry(ies)</source>
        <translation>
            <numerusform>正在同步 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n file(s))</source>
        <translation>
            <numerusform>（%n 个文件）</numerusform>
        </translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Sync with the back office (Ctrl+Shift+Y shows the details)</source>
        <translation>与后台同步（Ctrl+Shift+Y 查看详情）</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>最近错误：%1</translation>
    </message>
    <message numerus="yes">
        <source>Sync conflict in %n case(s)</source>
        <translation>
            <numerusform>%n 件案件同步冲突</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, click to see</source>
        <translation>%1，点击查看</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>syncing N entries (N files)</comment>
        <translation>%1%2</translation>
    </message>
</context>
<context>
    <name>ow::ui::WalkInDialog</name>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Issue ticket (Enter)</source>
        <translation>取号 (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <source>This is not the QR of a notice or receipt.</source>
        <translation>这不是通知书或回执上的二维码。</translation>
    </message>
    <message>
        <source>Aged %1 or over? Put the ID card on the reader: the ticket goes ahead as elderly.</source>
        <translation>申请人年满 %1 岁？请将其身份证放在读卡器上，按老年人优先取号。</translation>
    </message>
    <message>
        <source>ID card read (aged %1): priority elderly.</source>
        <translation>已读身份证（%1 岁）：老年人优先。</translation>
    </message>
    <message>
        <source>ID card read (aged %1): no priority by age.</source>
        <translation>已读身份证（%1 岁）：不按年龄优先。</translation>
    </message>
    <message>
        <source>Return ticket for case %1.</source>
        <translation>将取办件 %1 的续办号。</translation>
    </message>
    <message>
        <source>QR refused: %1 No return ticket: a walk-in ticket only.</source>
        <translation>二维码无效：%1 不能取续办号，只能取普通号。</translation>
    </message>
</context>
<context>
    <name>ow::ui::WindowIdentityDialog</name>
    <message>
        <source>This computer is not set up as a window yet. Enter the back office&apos;s address, the window and the enrolment code from the administrator&apos;s note: the back office confirms who this window is and takes its receipt key.</source>
        <translation>本机尚未设置为受理窗口。请填写管理员开通单上的后台地址、窗口和开通码：由后台确认本窗口的身份，并登记其回执签名密钥。</translation>
    </message>
</context>
<context>
    <name>ow::usb::UsbError</name>
    <message>
        <source>The %1 was disconnected.</source>
        <translation>%1已断开。</translation>
    </message>
    <message>
        <source>No permission to use the %1: install the udev rules.</source>
        <translation>%1无访问权限：请安装 udev 规则。</translation>
    </message>
    <message>
        <source>The %1 is in use by another program.</source>
        <translation>%1正被其他程序占用。</translation>
    </message>
    <message>
        <source>The %1 did not answer in time.</source>
        <translation>%1响应超时。</translation>
    </message>
    <message>
        <source>The %1 refused the command. Try again.</source>
        <translation>%1拒绝执行命令，请重试。</translation>
    </message>
    <message>
        <source>The %1 was not found.</source>
        <translation>未找到%1。</translation>
    </message>
    <message>
        <source>This %1 is not supported.</source>
        <translation>不支持此%1。</translation>
    </message>
    <message>
        <source>Out of memory while talking to the %1.</source>
        <translation>与%1通信时内存不足。</translation>
    </message>
    <message>
        <source>Communication with the %1 failed. Check the cable and try again.</source>
        <translation>与%1通信失败，请检查连接线后重试。</translation>
    </message>
    <message>
        <source>device</source>
        <translation>设备</translation>
    </message>
</context>
</TS>
