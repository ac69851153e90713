#include "onewindow/checklist/Checklist.h"

namespace ow::checklist {

QString conditionKey(const QString &matter, qsizetype index)
{
    return QStringLiteral("%1#%2").arg(matter).arg(index);
}

QString verdictKey(Verdict v)
{
    switch (v) {
    case Verdict::Complete: return QStringLiteral("complete");
    case Verdict::Tolerated: return QStringLiteral("tolerated");
    case Verdict::Incomplete: return QStringLiteral("incomplete");
    case Verdict::NotAcceptable: return QStringLiteral("not_acceptable");
    case Verdict::NeedsAnswers: return QStringLiteral("needs_answers");
    }
    return {};
}

QString statusKey(MaterialLine::Status s)
{
    switch (s) {
    case MaterialLine::Status::Received: return QStringLiteral("received");
    case MaterialLine::Status::Missing: return QStringLiteral("missing");
    case MaterialLine::Status::Waived: return QStringLiteral("waived");
    case MaterialLine::Status::Tolerated: return QStringLiteral("tolerated");
    }
    return {};
}

QString receivedKey(Received r)
{
    switch (r) {
    case Received::Original: return QStringLiteral("original");
    case Received::Copy: return QStringLiteral("copy");
    case Received::ELicence: return QStringLiteral("elicence");
    }
    return {};
}

bool parseReceived(const QString &key, Received *out)
{
    for (Received r : {Received::Original, Received::Copy, Received::ELicence}) {
        if (key == receivedKey(r)) {
            *out = r;
            return true;
        }
    }
    return false;
}

} // namespace ow::checklist
