#include "onewindow/store/EntryKinds.h"

#include <QJsonArray>
#include <QJsonValue>

namespace ow::store {

namespace {

using T = PayloadField::Type;

PayloadField field(const char *name, T type, const char *description)
{
    PayloadField f;
    f.name = QString::fromLatin1(name);
    f.type = type;
    f.description = QString::fromUtf8(description);
    return f;
}

PayloadField optional(PayloadField f)
{
    f.required = false;
    return f;
}

PayloadField nullable(PayloadField f)
{
    f.nullable = true;
    return f;
}

PayloadField oneOf(PayloadField f, const QStringList &values)
{
    f.values = values;
    return f;
}

PayloadField arrayOf(PayloadField f, T items)
{
    f.items = items;
    return f;
}

QList<EntryKind> table()
{
    return {
        {QStringLiteral("started"),
            QStringLiteral("A new case; always seq 1. The number was taken in the same transaction."),
            {field("number", T::String, "the case number, <window key id>-yyyyMMdd-NNNN"),
                field("region", T::String, "the region code"), field("window", T::String, "the window code"),
                field("windowName", T::String, "the window's name"),
                field("catalogVersion", T::String, "the catalogue version loaded when the case started")}},
        {QStringLiteral("parties"), QStringLiteral("Who applies: the whole list after the change."),
            {arrayOf(field("parties", T::Array,
                         "[{applicant: party, agent: party or null}], party = {kind: person|company, number, name, "
                         "details}"),
                 T::Object),
                optional(field("removed", T::Integer, "the applicant (1, 2 …) who left the case, when one did"))}},
        {QStringLiteral("chosen"),
            QStringLiteral("The matter or bundle, with the catalogue version it is evaluated against (pinned)."),
            {field("bundle", T::String, "the bundle's code; empty for single matters"),
                arrayOf(field("matters", T::Array, "the matters' codes"), T::String),
                field("catalog", T::Object, "the pinned catalogue ({version, sha256})")}},
        {QStringLiteral("catalogue"), QStringLiteral("The clerk moved an open case to a newer catalogue."),
            {field("from", T::Object, "the catalogue before ({version, sha256})"),
                field("to", T::Object, "the catalogue after ({version, sha256})")}},
        {QStringLiteral("answered"), QStringLiteral("A situation question's answer."),
            {field("question", T::String, "the question's key"),
                nullable(field("value", T::Answer, "the answer; null: withdrawn")),
                optional(oneOf(field("source", T::String, "party: taken from the applicant's card or licence"),
                    {QStringLiteral("party")}))}},
        {QStringLiteral("marked"), QStringLiteral("A checklist line."),
            {field("material", T::String, "the material's key"),
                nullable(oneOf(field("how", T::String, "how it was received; null: not received"),
                    {QStringLiteral("original"), QStringLiteral("copy"), QStringLiteral("elicence")}))}},
        {QStringLiteral("counted"), QStringLiteral("How many pieces came with a marked material."),
            {field("material", T::String, "the material's key"), field("pieces", T::Integer, "1 to 99")}},
        {QStringLiteral("confirmed"), QStringLiteral("The clerk's check of a text-only acceptance condition."),
            {field("condition", T::String, "<matter>#<n>"),
                nullable(field("holds", T::Boolean, "whether it holds; null: not confirmed"))}},
        {QStringLiteral("attached"), QStringLiteral("A material's scanned pages; a later scan replaces it."),
            {field("material", T::String, "the material's key"),
                field("sha256", T::String, "the PDF blob's SHA-256 (lower-case hex), uploaded through /v1/uploads"),
                field("pages", T::Integer, "the number of pages")}},
        {QStringLiteral("pickup"), QStringLiteral("How the result is collected; not after the decision."),
            {field("courier", T::Boolean, "by courier")}},
        {QStringLiteral("decided"), QStringLiteral("The decision, frozen: never recomputed."),
            {oneOf(field("decision", T::String, "the decision"),
                 {QStringLiteral("accept"), QStringLiteral("accepttolerated"), QStringLiteral("notice"),
                     QStringLiteral("refuse")}),
                field("refusalReason", T::String, "why, for a refusal; empty otherwise"),
                field("digest", T::String, "hex SHA-256 of the canonical document"),
                field("document", T::Object, "the whole decided document (ReceiptDocument::toJson, QR included)"),
                optional(arrayOf(field("items", T::Array,
                                     "the items the window decided: [{matter, department}]; absent in the logs of "
                                     "older windows (the back office's own evaluation routes those)"),
                    T::Object))}},
        {QStringLiteral("printed"), QStringLiteral("The document went out."),
            {field("target", T::String, "receipt-printer or pdf"), field("copy", T::Integer, "1, 2 …"),
                field("kind", T::String, "the document's kind")}},
        {QStringLiteral("finished"), QStringLiteral("The case left the window."), {}},
        {QStringLiteral("reopened"),
            QStringLiteral("The applicant came back with a one-time notice; the case continues at Materials."),
            {field("visit", T::Integer, "2, 3 …")}},
        {QStringLiteral("revealed"), QStringLiteral("Full personal data was shown (also in the audit)."),
            {field("who", T::String, "the clerk"), field("what", T::String, "what was shown"),
                field("why", T::String, "the reason given")}},
        {QStringLiteral("abandoned"), QStringLiteral("The case was left undecided; closed for good."),
            {oneOf(field("reason", T::String, "empty: nothing was in it; left: the clerk left it"),
                {QStringLiteral("empty"), QStringLiteral("left")})}},
        // The case comes back to the window (issue 22): visits, supplements, hand-out, dispatch and
        // the applicant's rating. Slips: receipt::HandoutSlip; ratings: receipt::RatingSeal.
        {QStringLiteral("visit"), QStringLiteral("The applicant (or their agent) came to the window in person."),
            {oneOf(field("why", T::String,
                       "first: the first visit; return: back after a one-time notice; supplement: bringing what "
                       "a department or a 容缺 line asked for; pickup: collecting the result"),
                 {QStringLiteral("first"), QStringLiteral("return"), QStringLiteral("supplement"),
                     QStringLiteral("pickup")}),
                optional(nullable(field("ticket", T::String, "the queue ticket called for this visit, if any")))}},
        {QStringLiteral("supplemented"),
            QStringLiteral("What a task of the case asked for was taken in (补正); the back office puts the item "
                           "back to its department."),
            {field("task", T::String,
                 "the task: \"item:<item id>\" for a department's supplement request, \"tolerated:<material "
                 "key>\" for a 容缺 line of the decided document"),
                arrayOf(field("materials", T::Array,
                            "[{material, how: original|copy|elicence, pieces?, sha256?, pages?}]: each material "
                            "taken in, with its scan's blob (uploaded through /v1/uploads) when scanned"),
                    T::Object),
                optional(field("note", T::String, "the clerk's note"))}},
        {QStringLiteral("handedOut"),
            QStringLiteral("The results were handed out at the window (统一出件), against a signed slip."),
            {field("collector", T::Object, "who collected: a party {kind, number, name, details} (card read)"),
                nullable(field("agent", T::Object,
                    "the applicant's party when an agent collected for them (collector is then the agent)")),
                nullable(field("authorisation", T::Object,
                    "the agent's authorisation letter, scanned: {sha256, pages}; null without an agent")),
                arrayOf(field("items", T::Array,
                            "[{item, matter, department, outcome: approved|rejected, given}]: each item given, as "
                            "its result or its decision letter"),
                    T::Object),
                field("digest", T::String, "hex SHA-256 of the slip's canonical bytes"),
                field("document", T::Object, "the whole slip (HandoutSlip::toJson, QR included)")}},
        {QStringLiteral("dispatched"), QStringLiteral("The results were sent by courier (邮寄送达): no pickup visit."),
            {field("address", T::Object, "{recipient: party, phone, address}: where it goes"),
                field("carrier", T::String, "the courier company"), field("tracking", T::String, "the tracking number"),
                arrayOf(field("items", T::Array, "[{item, matter, department, outcome: approved|rejected, given}]"),
                    T::Object),
                field("digest", T::String, "hex SHA-256 of the slip's canonical bytes"),
                field("document", T::Object, "the whole slip (HandoutSlip::toJson, QR included)")}},
        {QStringLiteral("rated"),
            QStringLiteral("The applicant's rating of a service (好差评), sealed at the window to the back office's "
                           "rating key: the window keeps and sends only the sealed form."),
            {oneOf(field("service", T::String, "the service rated"),
                 {QStringLiteral("acceptance"), QStringLiteral("supplement"), QStringLiteral("handout")}),
                field("sealed", T::String,
                    "owr1:<rating key id>:<base64(ephemeral X25519 public key 32 | nonce 12 | AES-256-GCM "
                    "ciphertext | tag 16)> (receipt::RatingSeal)")}},
        // The queue (issue 23): the ticket the case began with, its wait measured to the call.
        {QStringLiteral("ticket"), QStringLiteral("The queue ticket this visit began with, called to the window."),
            {field("ticket", T::String, "the ticket's id"), field("number", T::String, "A012"),
                field("category", T::String, "the queue category's code"),
                field("queuedAt", T::String, "its place in time (UTC, ISO 8601)"),
                field("calledAt", T::String, "called to this window (UTC, ISO 8601)"),
                field("waitedSeconds", T::Integer, "from queuedAt to calledAt")}},
    };
}

bool hasType(const QJsonValue &v, T type)
{
    switch (type) {
    case T::String: return v.isString();
    case T::Integer: return v.isDouble() && v.toDouble() == double(qint64(v.toDouble()));
    case T::Boolean: return v.isBool();
    case T::Object: return v.isObject();
    case T::Array: return v.isArray();
    case T::Answer: return v.isDouble() || v.isBool() || v.isString();
    }
    return false;
}

QString typeName(T type)
{
    switch (type) {
    case T::String: return QStringLiteral("a string");
    case T::Integer: return QStringLiteral("a whole number");
    case T::Boolean: return QStringLiteral("true or false");
    case T::Object: return QStringLiteral("an object");
    case T::Array: return QStringLiteral("an array");
    case T::Answer: return QStringLiteral("a number, true/false or a string");
    }
    return QString();
}

QJsonObject typeSchema(T type)
{
    switch (type) {
    case T::String: return {{QStringLiteral("type"), QStringLiteral("string")}};
    case T::Integer: return {{QStringLiteral("type"), QStringLiteral("integer")}};
    case T::Boolean: return {{QStringLiteral("type"), QStringLiteral("boolean")}};
    case T::Object: return {{QStringLiteral("type"), QStringLiteral("object")}};
    case T::Array: return {{QStringLiteral("type"), QStringLiteral("array")}};
    case T::Answer: return {}; // any JSON value: OpenAPI 3.0 has no type list
    }
    return {};
}

QJsonObject fieldSchema(const PayloadField &f)
{
    QJsonObject s = typeSchema(f.type);
    if (f.type == T::Array)
        s.insert(QStringLiteral("items"), typeSchema(f.items));
    if (!f.values.isEmpty())
        s.insert(QStringLiteral("enum"), QJsonArray::fromStringList(f.values));
    if (f.nullable && f.type != T::Answer)
        s.insert(QStringLiteral("nullable"), true);
    s.insert(QStringLiteral("description"), f.description);
    return s;
}

} // namespace

const QList<EntryKind> &EntryKinds::all()
{
    static const QList<EntryKind> kinds = table();
    return kinds;
}

QStringList EntryKinds::names()
{
    QStringList out;
    for (const EntryKind &k : all())
        out << k.name;
    return out;
}

const EntryKind *EntryKinds::find(const QString &name)
{
    for (const EntryKind &k : all()) {
        if (k.name == name)
            return &k;
    }
    return nullptr;
}

QString EntryKinds::check(const QString &kind, const QJsonObject &payload)
{
    const EntryKind *k = find(kind);
    if (!k)
        return QStringLiteral("unknown kind \"%1\".").arg(kind);
    for (const PayloadField &f : k->fields) {
        const auto it = payload.constFind(f.name);
        if (it == payload.constEnd()) {
            if (f.required)
                return QStringLiteral("a \"%1\" entry's payload has \"%2\".").arg(kind, f.name);
            continue;
        }
        const QJsonValue v = it.value();
        if (v.isNull() && f.nullable)
            continue;
        if (!hasType(v, f.type))
            return QStringLiteral("\"payload.%1\" of a \"%2\" entry is %3.").arg(f.name, kind, typeName(f.type));
        if (!f.values.isEmpty() && !f.values.contains(v.toString()))
            return QStringLiteral("\"payload.%1\" of a \"%2\" entry is one of %3.")
                .arg(f.name, kind, f.values.join(QStringLiteral(", ")));
        if (f.type == T::Array) {
            for (const QJsonValue &x : v.toArray()) {
                if (!hasType(x, f.items))
                    return QStringLiteral("\"payload.%1\" of a \"%2\" entry holds %3 only.")
                        .arg(f.name, kind, typeName(f.items));
            }
        }
    }
    return QString();
}

QString EntryKinds::schemaName(const QString &kind)
{
    return QStringLiteral("LogEntry") + kind.left(1).toUpper() + kind.mid(1);
}

QJsonObject EntryKinds::openApiSchemas()
{
    QJsonObject out;
    QJsonArray oneOf;
    QJsonObject mapping;
    for (const EntryKind &k : all()) {
        QJsonObject properties;
        QJsonArray required;
        for (const PayloadField &f : k.fields) {
            properties.insert(f.name, fieldSchema(f));
            if (f.required)
                required.append(f.name);
        }
        QJsonObject payload {
            {QStringLiteral("type"), QStringLiteral("object")}, {QStringLiteral("properties"), properties}};
        if (!required.isEmpty())
            payload.insert(QStringLiteral("required"), required);
        const QString name = schemaName(k.name);
        const QString ref = QStringLiteral("#/components/schemas/") + name;
        out.insert(name,
            QJsonObject {{QStringLiteral("type"), QStringLiteral("object")},
                {QStringLiteral("description"), QStringLiteral("\"%1\": %2").arg(k.name, k.description)},
                {QStringLiteral("required"), QJsonArray {QStringLiteral("kind"), QStringLiteral("payload")}},
                {QStringLiteral("properties"),
                    QJsonObject {{QStringLiteral("kind"),
                                     QJsonObject {{QStringLiteral("type"), QStringLiteral("string")},
                                         {QStringLiteral("enum"), QJsonArray {k.name}}}},
                        {QStringLiteral("payload"), payload}}}});
        oneOf.append(QJsonObject {{QStringLiteral("$ref"), ref}});
        mapping.insert(k.name, ref);
    }
    const auto text = [](const char *t) { return QJsonObject {{QStringLiteral("type"), QString::fromLatin1(t)}}; };
    QJsonObject seq = text("integer");
    seq.insert(QStringLiteral("minimum"), 1);
    QJsonObject at = text("string");
    at.insert(QStringLiteral("format"), QStringLiteral("date-time"));
    QJsonObject kind = text("string");
    kind.insert(QStringLiteral("enum"), QJsonArray::fromStringList(names()));
    out.insert(QStringLiteral("LogEntry"),
        QJsonObject {{QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("description"),
                QStringLiteral("One entry of a case's log (store::LogEntry::toJson); its payload is that of its kind "
                               "(store::EntryKinds, from which these schemas are generated).")},
            {QStringLiteral("required"),
                QJsonArray {QStringLiteral("case"), QStringLiteral("seq"), QStringLiteral("at"),
                    QStringLiteral("window"), QStringLiteral("clerk"), QStringLiteral("kind"),
                    QStringLiteral("payload")}},
            {QStringLiteral("properties"),
                QJsonObject {{QStringLiteral("case"), text("string")}, {QStringLiteral("seq"), seq},
                    {QStringLiteral("at"), at}, {QStringLiteral("window"), text("string")},
                    {QStringLiteral("clerk"), text("string")}, {QStringLiteral("kind"), kind},
                    {QStringLiteral("payload"), text("object")}}},
            {QStringLiteral("oneOf"), oneOf},
            {QStringLiteral("discriminator"),
                QJsonObject {
                    {QStringLiteral("propertyName"), QStringLiteral("kind")}, {QStringLiteral("mapping"), mapping}}}});
    return out;
}

} // namespace ow::store
