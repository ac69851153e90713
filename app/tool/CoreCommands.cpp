#include "CoreCommands.h"

#include "onewindow/core/CreditCode.h"
#include "onewindow/core/IdNumber.h"
#include "onewindow/core/Masking.h"
#include "onewindow/core/WorkCalendar.h"

namespace {

QString kindName(ow::IdNumber::Kind kind)
{
    switch (kind) {
    case ow::IdNumber::Kind::Resident: return QStringLiteral("resident");
    case ow::IdNumber::Kind::HongKongPermit: return QStringLiteral("hong-kong-permit");
    case ow::IdNumber::Kind::MacaoPermit: return QStringLiteral("macao-permit");
    case ow::IdNumber::Kind::TaiwanPermit: return QStringLiteral("taiwan-permit");
    case ow::IdNumber::Kind::ForeignerPermanent: return QStringLiteral("foreigner-permanent");
    }
    return {};
}

int idNumberCheck(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const bool full = args.contains(QStringLiteral("--full"));
    QStringList numbers = args;
    numbers.removeAll(QStringLiteral("--full"));
    if (numbers.size() != 1) {
        err << "usage: onewindow-tool idnumber check NUMBER [--full]\n";
        return 2;
    }
    const auto id = ow::IdNumber::parse(numbers.first());
    if (!id) {
        err << Tool::tr("invalid: %1").arg(id.error()) << '\n';
        return 1;
    }
    out << "number:  " << (full ? id->number() : ow::masking::idNumber(id->number())) << '\n'
        << "kind:    " << kindName(id->kind()) << '\n'
        << "region:  " << id->regionCode() << '\n'
        << "birth:   " << (full ? id->birthDate().toString(Qt::ISODate) : QStringLiteral("****-**-**")) << '\n'
        << "gender:  " << (id->gender() == ow::IdNumber::Gender::Male ? "male" : "female") << '\n';
    if (id->wasUpgradedFrom15())
        out << "note:    upgraded from a 15-digit number\n";
    return 0;
}

int creditCodeCheck(const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.size() != 1) {
        err << "usage: onewindow-tool creditcode check CODE\n";
        return 2;
    }
    const auto code = ow::CreditCode::parse(args.first());
    if (!code) {
        err << Tool::tr("invalid: %1").arg(code.error()) << '\n';
        return 1;
    }
    out << "code:          " << code->code() << '\n'
        << "registration:  " << code->registrationDepartment() << '\n'
        << "category:      " << code->category() << '\n'
        << "region:        " << code->regionCode() << '\n'
        << "organisation:  " << code->organisationCode() << '\n';
    return 0;
}

int calendarAdd(const QStringList &args, QTextStream &out, QTextStream &err)
{
    bool nOk = false;
    const QDate from = args.size() == 2 ? QDate::fromString(args.at(0), Qt::ISODate) : QDate();
    const int n = args.size() == 2 ? args.at(1).toInt(&nOk) : 0;
    if (!from.isValid() || !nOk) {
        err << "usage: onewindow-tool calendar add YYYY-MM-DD N\n";
        return 2;
    }
    const auto cal = ow::WorkCalendar::loadDirectory(QStringLiteral(":/onewindow/calendar"));
    if (!cal) {
        err << cal.error() << '\n';
        return 1;
    }
    const QDate due = cal->addWorkingDays(from, n);
    out << due.toString(Qt::ISODate) << '\n';
    for (int y = from.year(); y <= due.year(); ++y) {
        if (!cal->covers(y))
            err << "warning: no holiday table for " << y << "; weekends only\n";
        else if (cal->isProvisional(y))
            err << "warning: the " << y << " table is provisional\n";
    }
    return 0;
}

} // namespace

CommandList coreCommands()
{
    return {
        {QStringLiteral("idnumber check"), QStringLiteral("NUMBER [--full]"),
            QStringLiteral("Check an ID number (GB 11643); masked unless --full."), idNumberCheck},
        {QStringLiteral("creditcode check"), QStringLiteral("CODE"),
            QStringLiteral("Check a unified social credit code (GB 32100)."), creditCodeCheck},
        {QStringLiteral("calendar add"), QStringLiteral("YYYY-MM-DD N"),
            QStringLiteral("The N-th working day after a date (holidays and 调休 included)."), calendarAdd},
    };
}
