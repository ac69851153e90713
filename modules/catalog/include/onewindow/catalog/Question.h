#pragma once

#include <QList>
#include <QString>

namespace ow {

// A situation question of the catalogue ("经营面积（平方米）", "是否销售卷烟"). Bundles ask them;
// conditions test the answers.
struct Question
{
    enum class Type { Number, Choice, YesNo };
    struct Option
    {
        QString value; // what conditions and answers use: "company"
        QString label; // what the clerk sees: "公司"
    };

    QString id;
    QString text;
    Type type = Type::YesNo;
    QString unit; // numbers only, e.g. "m²"
    QList<Option> options; // choices only
    // Answered from the applicant's document unless the clerk says otherwise: "age", "gender"
    // (from the ID card or number), "entityType" (from a company's credit code); "" = asked.
    QString fromParty = {};

    // The label of a choice value, or the value itself when there is none.
    QString optionLabel(const QString &value) const
    {
        for (const Option &o : options) {
            if (o.value == value)
                return o.label;
        }
        return value;
    }
    bool hasOption(const QString &value) const
    {
        for (const Option &o : options) {
            if (o.value == value)
                return true;
        }
        return false;
    }
};

} // namespace ow
