#include "onewindow/sync/OverviewCsv.h"

namespace ow::sync {

namespace {

QString minutes(const std::optional<double> &seconds)
{
    return seconds ? QString::number(*seconds / 60.0, 'f', 1) : QString();
}

QString percent(const std::optional<double> &share)
{
    return share ? QString::number(*share * 100.0, 'f', 1) : QString();
}

} // namespace

QStringList OverviewCsv::header()
{
    return {tr("Level"), tr("Window"), tr("Window name"), tr("Clerk"), tr("From"), tr("To"), tr("Tickets"),
        tr("Average wait (min)"), tr("P90 wait (min)"), tr("Average handling (min)"), tr("Accepted"),
        tr("Accepted with tolerance (容缺)"), tr("One-time notices"), tr("Refused"), tr("Cases with a result"),
        tr("Done in at most one visit"), tr("Share done in one visit (%)")};
}

QString OverviewCsv::quote(const QString &field)
{
    QString out = field;
    out.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

QByteArray OverviewCsv::outcomes(const SupervisorOverview &overview)
{
    QString text;
    const auto row = [&text](const QStringList &fields) {
        QStringList quoted;
        quoted.reserve(fields.size());
        for (const QString &f : fields)
            quoted << quote(f);
        text += quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    };
    const QString from = overview.from.toString(Qt::ISODate);
    const QString to = overview.to.toString(Qt::ISODate);
    const auto line = [&](const QString &level, const SupervisorOverview::Outcome &o) {
        row({level, o.window, o.window.isEmpty() ? QString() : overview.windowName(o.window), o.clerk, from, to,
            QString::number(o.tickets), minutes(o.avgWaitSeconds),
            minutes(o.p90WaitSeconds ? std::optional<double>(double(*o.p90WaitSeconds)) : std::nullopt),
            minutes(o.avgHandlingSeconds), QString::number(o.accepted), QString::number(o.tolerated),
            QString::number(o.notice), QString::number(o.refused), QString::number(o.cases),
            QString::number(o.oneVisit), percent(o.oneVisitShare)});
    };
    row(header());
    line(tr("All windows"), overview.total);
    for (const auto &o : overview.windowOutcomes)
        line(tr("Window"), o);
    for (const auto &o : overview.clerkOutcomes)
        line(tr("Clerk"), o);
    return QByteArrayLiteral("\xEF\xBB\xBF") + text.toUtf8();
}

} // namespace ow::sync
