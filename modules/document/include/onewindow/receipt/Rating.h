#pragma once

#include "onewindow/core/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace ow::receipt {

// The applicant's rating of one service (好差评), as the applicant gave it: what the window seals
// (RatingSeal) and only the back office opens. Levels and reasons follow the national 好差评
// indicators: 非常满意 … 非常不满意; the two bad levels name reasons and may add text.
struct Rating
{
    Q_DECLARE_TR_FUNCTIONS(Rating)

public:
    enum class Level { VeryDissatisfied = 1, Dissatisfied = 2, Basic = 3, Satisfied = 4, VerySatisfied = 5 };

    QString caseId;
    QString service; // acceptance | supplement | handout
    std::optional<Level> level; // none: the applicant declined to rate
    QStringList reasons; // bad levels: efficiency, competence, attitude, guide (服务效率 服务水平 服务态度 办事指南)
    QString text; // bad levels: the applicant's own words
    QDateTime at;

    bool declined() const { return !level.has_value(); }
    // 不满意 or 非常不满意: opens a rectification (整改) at the back office.
    bool bad() const { return level && int(*level) <= int(Level::Dissatisfied); }

    // verySatisfied, satisfied, basic, dissatisfied, veryDissatisfied; "declined" for none.
    static QString levelName(std::optional<Level> level);
    static std::optional<std::optional<Level>> levelFromName(const QString &name);
    static QStringList levelNames(); // the five, best first, then "declined"
    static QStringList reasonKeys(); // efficiency, competence, attitude, guide
    // The applicant's words for a level and a reason (in the process language: zh_CN at a window).
    static QString levelText(std::optional<Level> level);
    static QString reasonText(const QString &key);

    // {caseId, service, level, reasons, text, at}: the plaintext inside the seal.
    QJsonObject toJson() const;
    // Checks the values: a known level, reasons and text only with a bad level, known reasons.
    static Result<Rating> fromJson(const QJsonObject &o);
};

} // namespace ow::receipt
