#pragma once

#include "onewindow/catalog/Condition.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace ow {

// How the window handles the paper: 收原件 / 收复印件 / 验原件收复印件 / 收原件及复印件.
enum class AcceptanceMode { KeepOriginal, TakeCopy, VerifyOriginalTakeCopy, KeepOriginalAndCopy };

// One material line of a matter (申请材料).
struct MatterMaterial
{
    enum class Necessity { Required, Conditional, Tolerable };

    QString material; // MaterialDef id
    Necessity necessity = Necessity::Required;
    Condition when; // conditional (and optionally tolerable) lines: when it is needed
    int originals = 0;
    int copies = 0;
    AcceptanceMode mode = AcceptanceMode::KeepOriginal;
    int supplementDays = 0; // tolerable lines: working days allowed to hand it in later
};

// An acceptance condition (受理条件). With an expression it is checked against the answers;
// without, it is text the clerk confirms.
struct AcceptanceCondition
{
    QString text;
    Condition check;
};

// One matter (事项) of the implementation list (实施清单).
struct Matter
{
    enum class Type { Licence, Confirmation, Payment, Levy, PublicService, Other };
    enum class ResultType { Licence, Certificate, Approval, Filing, Other };

    QString code; // implementation code (实施编码)
    QString name;
    QString department; // Department id
    QString group; // MatterGroup id: the hall's queue category it is served under ("" = none)
    Type type = Type::Other;
    QString version;
    QStringList aliases; // extra search words
    QList<AcceptanceCondition> acceptanceConditions;
    int statutoryDays = 0; // 法定时限, working days
    int promisedDays = 0; // 承诺时限, working days (0: 即办)
    double fee = 0; // yuan
    int visits = 0; // 到办事现场次数
    ResultType resultType = ResultType::Other;
    QString resultName;
    bool courier = false; // the result may go by courier
    bool township = false; // offered at township/village level
    QList<MatterMaterial> materials;
    // Materials this matter issues (营业执照, 出生医学证明, …): inside a bundle, the other items
    // take them from this one instead of asking the applicant.
    QStringList produces;
};

QString acceptanceModeKey(AcceptanceMode mode); // "keep-original", "copy", …

} // namespace ow
