#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace ow::store {

// One field of an entry's payload.
struct PayloadField
{
    enum class Type {
        String,
        Integer,
        Boolean,
        Object,
        Array,
        Answer, // a number, true/false or a string (a situation question's answer)
    };
    QString name;
    Type type = Type::String;
    bool required = true;
    bool nullable = false; // null is a value (a mark cleared, an answer withdrawn)
    QStringList values; // the only values a string may take; empty: any
    Type items = Type::Object; // an array's elements
    QString description;
};

// One kind of case log entry (LogEntry::kind) and its payload.
struct EntryKind
{
    QString name;
    QString description;
    QList<PayloadField> fields;
};

// The kinds of case log entries and their payloads: the one definition the client's workflow
// checks what it writes against, the back office checks what it receives against, and
// modules/backoffice/openapi.json is generated from (openApiSchemas(), compared by tst_entrykinds).
class EntryKinds
{
public:
    static const QList<EntryKind> &all();
    static QStringList names();
    // nullptr when there is no such kind.
    static const EntryKind *find(const QString &name);
    // "" or why `payload` is not a payload of `kind` (unknown kind, a required field missing, a
    // field of the wrong type or value). Fields the table does not name are allowed.
    [[nodiscard]] static QString check(const QString &kind, const QJsonObject &payload);
    // The OpenAPI 3.0 schemas of a log entry: "LogEntry" (the envelope, one of the kinds by its
    // "kind") and "LogEntry<Kind>" for each kind, as components/schemas holds them.
    static QJsonObject openApiSchemas();
    // "LogEntry" + the kind with its first letter upper-case.
    static QString schemaName(const QString &kind);
};

} // namespace ow::store
