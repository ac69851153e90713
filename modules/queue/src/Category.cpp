#include "onewindow/queue/Category.h"

#include <QCoreApplication>

#include <algorithm>

namespace ow::queue {

QJsonObject Category::toJson() const
{
    return QJsonObject {
        {QLatin1String("code"), code}, {QLatin1String("name"), name}, {QLatin1String("letter"), letter}};
}

Result<Category> Category::fromJson(const QJsonObject &json)
{
    Category c;
    c.code = json.value(QLatin1String("code")).toString();
    c.name = json.value(QLatin1String("name")).toString();
    c.letter = json.value(QLatin1String("letter")).toString();
    if (c.code.isEmpty() || c.code.size() > 64 || c.name.isEmpty() || c.name.size() > 64)
        return Result<Category>::failure(
            QCoreApplication::translate("ow::queue::Category", "A category needs a code and a name."));
    if (c.letter.size() != 1 || c.letter.at(0) < QLatin1Char('A') || c.letter.at(0) > QLatin1Char('Z'))
        return Result<Category>::failure(
            QCoreApplication::translate("ow::queue::Category", "A category's letter is one capital letter A–Z."));
    return c;
}

QList<Category> Category::fromGroups(const QList<std::pair<QString, QString>> &groups)
{
    QList<Category> out;
    for (const auto &[code, name] : groups)
        out << Category {code, name, QString(QChar(char16_t(u'A' + std::min<qsizetype>(out.size(), 25))))};
    return out;
}

} // namespace ow::queue
