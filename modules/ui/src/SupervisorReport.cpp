#include "onewindow/ui/SupervisorReport.h"

#include "onewindow/receipt/PdfTextLayer.h"

#include <QBuffer>
#include <QFont>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QRawFont>

#include <algorithm>
#include <numeric>

namespace ow::ui {

namespace {

using Overview = sync::SupervisorOverview;

constexpr int kDpi = 300;
constexpr qreal mm(qreal v)
{
    return v * kDpi / 25.4;
}

QFont reportFont(qreal points, bool bold = false)
{
    QFont f(QStringLiteral("Noto Sans CJK SC"));
    f.setFamilies({QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Noto Serif CJK SC")});
    f.setStyleHint(QFont::SansSerif);
    f.setPointSizeF(points);
    f.setBold(bold);
    // The cmap's glyph for each character, so the text layer can say what was drawn (PdfTextLayer).
    f.setStyleStrategy(QFont::PreferNoShaping);
    return f;
}

QString minutes(std::optional<double> seconds)
{
    return seconds ? QString::number(*seconds / 60.0, 'f', 1) : QStringLiteral("—");
}

QString percent(std::optional<double> share)
{
    return share ? QString::number(*share * 100.0, 'f', 1) + QLatin1Char('%') : QStringLiteral("—");
}

std::optional<double> asDouble(std::optional<qint64> v)
{
    return v ? std::optional<double>(double(*v)) : std::nullopt;
}

// Lines and tables down A4 pages, a header line on every page after the first.
class Pages
{
public:
    Pages(QPdfWriter &writer, QPainter &painter, QString running)
        : m_writer(writer)
        , m_painter(painter)
        , m_running(std::move(running))
        , m_width(painter.viewport().width())
        , m_height(painter.viewport().height() - mm(8))
    { }

    qreal width() const { return m_width; }
    void advance(qreal h) { m_y += h; }

    void ensure(qreal h)
    {
        if (m_y + h <= m_height)
            return;
        footer();
        m_writer.newPage();
        ++m_page;
        m_y = 0;
        draw(m_running, reportFont(9, true), 0, m_y, m_width, Qt::AlignLeft, Qt::darkGray);
        m_y += mm(7);
    }

    qreal paragraph(const QString &s, const QFont &f, const QColor &colour = Qt::black)
    {
        const QFontMetricsF fm(f, &m_writer);
        const QRectF box = fm.boundingRect(QRectF(0, 0, m_width, 1e6), int(Qt::TextWordWrap), s);
        ensure(box.height());
        m_painter.save();
        m_painter.setFont(f);
        m_painter.setPen(colour);
        m_painter.drawText(QRectF(0, m_y, m_width, box.height()), int(Qt::TextWordWrap | Qt::AlignTop), s);
        m_painter.restore();
        remember(s, f);
        m_y += box.height();
        return box.height();
    }

    void heading(const QString &s)
    {
        m_y += mm(4);
        ensure(mm(18)); // a heading never ends a page alone
        const QFont f = reportFont(12, true);
        draw(s, f, 0, m_y, m_width, Qt::AlignLeft, Qt::black);
        m_y += QFontMetricsF(f, &m_writer).lineSpacing() + mm(0.5);
        m_painter.setPen(QPen(Qt::black, mm(0.25)));
        m_painter.drawLine(QPointF(0, m_y), QPointF(m_width, m_y));
        m_y += mm(1.5);
    }

    // A table: `weights` share the width; numbers (columns in `right`) align right; a row in
    // `red` is drawn red. The header repeats on a new page.
    void table(const QStringList &header, const QList<int> &weights, const QList<QStringList> &rows,
        const QList<int> &right, const QList<bool> &red = {})
    {
        const qreal sum = std::accumulate(weights.cbegin(), weights.cend(), 0);
        QList<qreal> x {0};
        for (int w : weights)
            x << x.last() + m_width * w / sum;
        const QFont head = reportFont(8.5, true);
        const QFont body = reportFont(8.5);
        const auto cellWidth = [&](qsizetype c) { return x.at(c + 1) - x.at(c) - mm(1.5); };
        // A cell too long for its column wraps (never cut: a report is read on paper, where a
        // date or a name cut short cannot be looked up); the row is as tall as its tallest cell.
        const auto heightOf = [&](const QStringList &cells, const QFont &f) {
            const QFontMetricsF fm(f, &m_writer);
            qreal h = fm.lineSpacing();
            for (qsizetype c = 0; c < cells.size() && c + 1 < x.size(); ++c)
                h = std::max(
                    h, fm.boundingRect(QRectF(0, 0, cellWidth(c), 1e6), int(Qt::TextWordWrap), cells.at(c)).height());
            return h + mm(1.2);
        };
        const auto drawRow = [&](const QStringList &cells, const QFont &f, const QColor &colour, qreal rowHeight) {
            for (qsizetype c = 0; c < cells.size() && c + 1 < x.size(); ++c)
                draw(cells.at(c), f, x.at(c) + (right.contains(int(c)) ? 0 : mm(0.5)), m_y + mm(0.6), cellWidth(c),
                    right.contains(int(c)) ? Qt::AlignRight : Qt::AlignLeft, colour, rowHeight);
            m_y += rowHeight;
        };
        const qreal headHeight = heightOf(header, head);
        const auto drawHeader = [&] {
            m_painter.fillRect(QRectF(0, m_y, m_width, headHeight), QColor(0xe8, 0xec, 0xf2));
            drawRow(header, head, Qt::black, headHeight);
        };
        ensure(headHeight + (rows.isEmpty() ? 0 : heightOf(rows.first(), body)));
        drawHeader();
        for (qsizetype r = 0; r < rows.size(); ++r) {
            const qreal rowHeight = heightOf(rows.at(r), body);
            if (m_y + rowHeight > m_height) {
                ensure(m_height); // a new page
                drawHeader();
            }
            if (r % 2 == 1)
                m_painter.fillRect(QRectF(0, m_y, m_width, rowHeight), QColor(0xf6, 0xf7, 0xf9));
            drawRow(rows.at(r), body, red.value(r) ? QColor(0xb0, 0x00, 0x20) : QColor(Qt::black), rowHeight);
        }
        m_y += mm(1);
    }

    void footer()
    {
        const QString s = SupervisorReport::tr("Page %1").arg(m_page);
        draw(s, reportFont(8), 0, m_height + mm(3), m_width, Qt::AlignRight, Qt::darkGray);
    }

    const QString &drawn() const { return m_drawn; }
    const QList<receipt::PdfTextLayer::Run> &runs() const { return m_runs; }

private:
    // One line, or with `height` the text wrapped within it.
    void draw(const QString &s, const QFont &f, qreal x, qreal y, qreal w, Qt::Alignment align, const QColor &colour,
        qreal height = 0)
    {
        m_painter.save();
        m_painter.setFont(f);
        m_painter.setPen(colour);
        m_painter.drawText(QRectF(x, y, w, height > 0 ? height : QFontMetricsF(f, &m_writer).lineSpacing()),
            int(align | Qt::AlignTop) | (height > 0 ? int(Qt::TextWordWrap) : 0), s);
        m_painter.restore();
        remember(s, f);
    }
    void remember(const QString &s, const QFont &f)
    {
        m_drawn += s;
        m_runs.append({f.bold() ? 1 : 0, s});
    }

    QPdfWriter &m_writer;
    QPainter &m_painter;
    QString m_running;
    qreal m_width;
    qreal m_height;
    qreal m_y = 0;
    int m_page = 1;
    QString m_drawn;
    QList<receipt::PdfTextLayer::Run> m_runs;
};

QString levelName(const QString &level)
{
    if (level == QLatin1String("veryDissatisfied"))
        return SupervisorReport::tr("Very dissatisfied");
    if (level == QLatin1String("dissatisfied"))
        return SupervisorReport::tr("Dissatisfied");
    return level;
}

QString callbackName(const std::optional<Overview::Callback> &callback)
{
    if (!callback)
        return SupervisorReport::tr("Not called back");
    if (callback->outcome == QLatin1String("resolved"))
        return SupervisorReport::tr("Resolved");
    if (callback->outcome == QLatin1String("unresolved"))
        return SupervisorReport::tr("Unresolved");
    if (callback->outcome == QLatin1String("unreachable"))
        return SupervisorReport::tr("Unreachable");
    return callback->outcome;
}

QStringList outcomeCells(const QString &first, const QString &second, const Overview::Outcome &o)
{
    return {first, second, QString::number(o.tickets), minutes(o.avgWaitSeconds), minutes(asDouble(o.p90WaitSeconds)),
        minutes(o.avgHandlingSeconds), QString::number(o.accepted), QString::number(o.tolerated),
        QString::number(o.notice), QString::number(o.refused), percent(o.oneVisitShare)};
}

} // namespace

Result<QByteArray> SupervisorReport::render(const Overview &overview, const QString &office, const QString &supervisor)
{
    using R = Result<QByteArray>;
    const QLocale locale;
    const QString period = overview.from == overview.to ? locale.toString(overview.from, QLocale::LongFormat)
                                                        : tr("%1 to %2")
                                                              .arg(locale.toString(overview.from, QLocale::ShortFormat),
                                                                  locale.toString(overview.to, QLocale::ShortFormat));
    const QString title = tr("Supervisor's daily report");

    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 14, 15, 14), QPageLayout::Millimeter);
    writer.setResolution(kDpi);
    writer.setTitle(title + QLatin1Char(' ') + period);
    writer.setCreator(QStringLiteral("OneWindow"));
    QPainter painter;
    if (!painter.begin(&writer))
        return R::failure(tr("Cannot start the PDF."));
    Pages page(writer, painter, title + QStringLiteral(" · ") + period);

    page.paragraph(office.isEmpty() ? title : office + QLatin1Char(' ') + title, reportFont(17, true));
    page.advance(mm(1.5));
    page.paragraph(
        tr("Period: %1 · as of %2 · printed by %3")
            .arg(period, locale.toString(overview.generatedAt.toLocalTime(), QLocale::ShortFormat), supervisor),
        reportFont(9.5), Qt::darkGray);

    const Overview::Outcome &t = overview.total;
    page.heading(tr("Summary"));
    page.paragraph(
        tr("Tickets called: %1; average wait %2 min, 90% of them waited at most %3 min; average handling %4 min.")
            .arg(t.tickets)
            .arg(minutes(t.avgWaitSeconds), minutes(asDouble(t.p90WaitSeconds)), minutes(t.avgHandlingSeconds)),
        reportFont(10));
    page.paragraph(tr("Accepted %1, accepted with tolerance (容缺) %2, one-time notices %3, refused %4; done in at "
                      "most one visit: %5 of %6 cases (%7).")
                       .arg(t.accepted)
                       .arg(t.tolerated)
                       .arg(t.notice)
                       .arg(t.refused)
                       .arg(t.oneVisit)
                       .arg(t.cases)
                       .arg(percent(t.oneVisitShare)),
        reportFont(10));
    int overdue = 0;
    int near = 0;
    for (const auto &c : overview.deadlinesByWindow) {
        overdue += c.overdue;
        near += c.near;
    }
    page.paragraph(tr("Items past their promised date: %1; due within 2 working days: %2; supplements overdue: %3; "
                      "bad ratings: %4; appeals to decide: %5.")
                       .arg(overdue)
                       .arg(near)
                       .arg(overview.supplementsOverdue.size())
                       .arg(overview.badRatings.size())
                       .arg(overview.appeals.size()),
        reportFont(10));

    const QStringList outcomeHeader {tr("Window"), tr("Clerk"), tr("Tickets"), tr("Avg wait"), tr("P90 wait"),
        tr("Avg handling"), tr("Accepted"), tr("容缺"), tr("Notices"), tr("Refused"), tr("One visit")};
    const QList<int> outcomeWeights {18, 12, 7, 8, 8, 9, 6, 6, 6, 9, 9};
    const QList<int> numbers {2, 3, 4, 5, 6, 7, 8, 9, 10};
    page.heading(tr("Outcomes per window (minutes)"));
    QList<QStringList> rows;
    for (const auto &o : overview.windowOutcomes)
        rows << outcomeCells(overview.windowName(o.window), QString(), o);
    page.table(outcomeHeader, outcomeWeights, rows, numbers);
    page.heading(tr("Outcomes per clerk (minutes)"));
    rows.clear();
    for (const auto &o : overview.clerkOutcomes)
        rows << outcomeCells(overview.windowName(o.window), o.clerk, o);
    page.table(outcomeHeader, outcomeWeights, rows, numbers);

    page.heading(tr("Cases near or past their promised date"));
    rows.clear();
    QList<bool> red;
    for (const auto &d : overview.deadlineItems) {
        rows << QStringList {d.caseNumber, d.name.isEmpty() ? d.matter : d.name,
            d.departmentName.isEmpty() ? d.department : d.departmentName, overview.windowName(d.window),
            locale.toString(d.promisedDate, QLocale::ShortFormat),
            d.overdue ? tr("%n working day(s) late", nullptr, -d.workingDaysLeft)
                      : tr("%n working day(s) left", nullptr, d.workingDaysLeft)};
        red << d.overdue;
    }
    if (rows.isEmpty())
        page.paragraph(tr("None."), reportFont(10));
    else
        page.table({tr("Case"), tr("Item"), tr("Department"), tr("Window"), tr("Promised"), tr("Deadline")},
            {23, 17, 22, 13, 11, 14}, rows, {}, red);

    if (!overview.supplementsOverdue.isEmpty()) {
        page.heading(tr("Supplements overdue"));
        rows.clear();
        for (const auto &s : overview.supplementsOverdue)
            rows << QStringList {s.caseNumber, overview.windowName(s.window),
                s.kind == QLatin1String("tolerated") ? tr("容缺") : tr("Supplement"), s.bring,
                locale.toString(s.dueBy, QLocale::ShortFormat)};
        page.table({tr("Case"), tr("Window"), tr("Kind"), tr("To bring"), tr("Due by")}, {25, 17, 9, 36, 13}, rows, {},
            QList<bool>(rows.size(), true));
    }

    page.heading(tr("Bad ratings and rectification"));
    rows.clear();
    red.clear();
    for (const auto &b : overview.badRatings) {
        rows << QStringList {b.caseNumber, overview.windowName(b.window), b.clerk, levelName(b.level),
            locale.toString(b.dueBy, QLocale::ShortFormat),
            b.state == QLatin1String("done") ? tr("Done") : (b.overdue ? tr("Overdue") : tr("Open")),
            callbackName(b.callback), b.appealPending ? tr("Appealed") : QString()};
        red << b.overdue;
    }
    if (rows.isEmpty())
        page.paragraph(tr("None."), reportFont(10));
    else
        page.table({tr("Case"), tr("Window"), tr("Clerk"), tr("Rating"), tr("Rectify by"), tr("State"), tr("Call-back"),
                       tr("Appeal")},
            {24, 14, 11, 11, 10, 8, 13, 9}, rows, {}, red);

    page.heading(tr("Windows now"));
    rows.clear();
    red.clear();
    for (const auto &w : overview.windows) {
        rows << QStringList {w.name.isEmpty() ? w.window : w.name, w.clerk.isEmpty() ? tr("nobody") : w.clerk,
            w.serving ? w.serving->number : QString(), QString::number(w.waiting),
            w.longestWaitSeconds ? minutes(double(*w.longestWaitSeconds)) : QString(),
            w.lastSyncAt.isValid() ? locale.toString(w.lastSyncAt.toLocalTime(), QLocale::ShortFormat) : tr("never")};
        red << w.offline;
    }
    page.table({tr("Window"), tr("Clerk"), tr("Serving"), tr("Waiting"), tr("Longest wait"), tr("Last sync")},
        {26, 16, 11, 10, 13, 24}, rows, {3, 4}, red);
    page.advance(mm(10));
    page.paragraph(tr("Supervisor's signature: ____________________"), reportFont(10.5));
    page.footer();
    if (!painter.end())
        return R::failure(tr("Writing the PDF failed."));
    buffer.close();

    receipt::PdfTextLayer::Substitutions subs;
    for (const bool bold : {false, true}) {
        const auto more = receipt::PdfTextLayer::substitutions(QRawFont::fromFont(reportFont(10, bold)), page.drawn());
        for (auto it = more.cbegin(); it != more.cend(); ++it)
            subs.insert(it.key(), it.value());
    }
    auto fixed = receipt::PdfTextLayer::remapToUnicode(bytes, subs);
    if (!fixed)
        return R::failure(fixed.error());
    const QList<QRawFont> fonts {QRawFont::fromFont(reportFont(10, false)), QRawFont::fromFont(reportFont(10, true))};
    return receipt::PdfTextLayer::completeSupplementary(fixed.value(), fonts, page.runs());
}

} // namespace ow::ui
