#include "onewindow/receipt/PdfRenderer.h"

#include "onewindow/i18n/DocumentLanguage.h"
#include "onewindow/receipt/DocumentLayout.h"
#include "onewindow/receipt/PdfTextLayer.h"
#include "onewindow/receipt/QrCache.h"
#include "onewindow/receipt/SlipLayout.h"
#include "onewindow/receipt/TextWrap.h"

#include <QBuffer>
#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>
#include <QRawFont>

#include <algorithm>
#include <optional>

namespace ow::receipt {

namespace {

// What a page shows, whichever document it is: a decided document or a hand-out slip.
struct Sheet
{
    QString title;
    QString caseNumber;
    QDateTime issuedAt;
    QList<Block> blocks;
    QString signature; // the signature line's label
};

constexpr int kDpi = 300;
constexpr qreal mm(qreal v)
{
    return v * kDpi / 25.4;
}

QFont cjkFont(qreal points, bool bold = false)
{
    QFont f(QStringLiteral("Noto Serif CJK SC"));
    f.setStyleHint(QFont::Serif);
    f.setFamilies({QStringLiteral("Noto Serif CJK SC"), QStringLiteral("Noto Sans CJK SC")});
    f.setPointSizeF(points);
    f.setBold(bold);
    // Each character drawn with the glyph the font's cmap gives it: shaping would swap in
    // glyphs (Noto CJK's digits in a Latin run) that no code point maps to, and the PDF's text
    // layer would lose those characters.
    f.setStyleStrategy(QFont::PreferNoShaping);
    return f;
}

void drawQr(QPainter &p, const QrMatrix &qr, const QRectF &area)
{
    const qreal module = area.width() / (qr.size() + 8); // 4-module quiet zone each side
    p.fillRect(area, Qt::white);
    for (int y = 0; y < qr.size(); ++y) {
        for (int x = 0; x < qr.size(); ++x) {
            if (qr.dark(x, y))
                p.fillRect(
                    QRectF(area.left() + (x + 4) * module, area.top() + (y + 4) * module, module, module), Qt::black);
        }
    }
}

// QPdfWriter stamps the time of rendering as /CreationDate; a decided document is the same
// voucher on any day, so the stamp is its issue time instead (same length: offsets stay valid).
void pinCreationDate(QByteArray &pdf, const QDateTime &issuedAt)
{
    static const QByteArray key("/CreationDate (D:");
    const qsizetype at = pdf.indexOf(key);
    if (at < 0 || !issuedAt.isValid())
        return;
    const qsizetype start = at + key.size();
    const qsizetype end = pdf.indexOf(')', start);
    const QByteArray stamp = issuedAt.toUTC().toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1() + 'Z';
    if (end - start == stamp.size())
        pdf.replace(start, stamp.size(), stamp);
}

// How tightly a document is set: the first that fits one page wins.
struct Density
{
    qreal gap; // factor on the space between blocks
    qreal size; // factor on the point sizes
};
constexpr Density kDensities[] = {{1.0, 1.0}, {0.55, 1.0}, {0.3, 0.92}};

class PageWriter
{
public:
    PageWriter(
        QPdfWriter &writer, QPainter &painter, const Sheet &doc, const std::optional<QrMatrix> &qr, Density density)
        : m_writer(writer)
        , m_painter(painter)
        , m_doc(doc)
        , m_qr(qr)
        , m_density(density)
        , m_width(painter.viewport().width())
        , m_height(painter.viewport().height() - mm(8)) // the footer line below
    { }

    QFont font(qreal points, bool bold = false) const { return cjkFont(points * m_density.size, bold); }
    qreal gap(qreal v) const { return v * m_density.gap; }

    // The first page's QR: in the corner, beside the title block.
    void firstPage()
    {
        if (m_qr)
            drawQr(m_painter, *m_qr, QRectF(m_width - kQrSide, 0, kQrSide, kQrSide));
    }

    // "Receipt 330106-W03-… · page N" at the bottom of the current page, so loose pages find
    // their case.
    void footer()
    {
        const QString s =
            PdfRenderer::tr("%1 · page %2").arg(m_doc.title + QStringLiteral(" ") + m_doc.caseNumber).arg(m_page);
        line(s, cjkFont(8), 0, m_height + mm(3), m_width, Qt::AlignRight, Qt::darkGray);
    }

    // Draws `s` wrapped into [x, x + w) at the current line (plus `dy`), breaking the page first
    // when it would not fit. Returns the height used.
    qreal text(const QString &s, const QFont &f, qreal x, qreal w, Qt::Alignment align = Qt::AlignLeft, qreal dy = 0)
    {
        const QFontMetricsF fm(f, &m_writer);
        const QStringList lines = TextWrap::wrap(s, w, w, [&fm](const QString &t) { return fm.horizontalAdvance(t); });
        const qreal h = fm.lineSpacing() * qreal(lines.size());
        ensure(dy + h);
        qreal y = m_y + dy;
        for (const QString &l : lines) {
            line(l, f, x, y, w, align, Qt::black);
            y += fm.lineSpacing();
        }
        return h;
    }

    // The height `s` takes wrapped into `w`, without drawing it.
    qreal height(const QString &s, const QFont &f, qreal w) const
    {
        if (s.isEmpty())
            return 0;
        const QFontMetricsF fm(f, &m_writer);
        return fm.lineSpacing()
            * qreal(TextWrap::wrap(s, w, w, [&fm](const QString &t) { return fm.horizontalAdvance(t); }).size());
    }

    void advance(qreal h) { m_y += h; }
    void ensure(qreal h)
    {
        if (m_y + h <= m_height)
            return;
        footer();
        m_writer.newPage();
        ++m_page;
        m_y = 0;
        // Every page carries the case number and the QR, so a loose page still leads to its case.
        if (m_qr)
            drawQr(m_painter, *m_qr, QRectF(m_width - kQrSmall, 0, kQrSmall, kQrSmall));
        line(m_doc.title + QStringLiteral("  ") + m_doc.caseNumber, cjkFont(10.5, true), 0, mm(2), m_width - kQrSmall,
            Qt::AlignLeft, Qt::black);
        m_y = kQrSmall + mm(2);
    }
    qreal y() const { return m_y; }
    qreal width() const { return m_width; }
    int pages() const { return m_page; }
    QPainter &painter() { return m_painter; }
    // Everything drawn as text, for the PDF's text layer.
    const QString &drawn() const { return m_drawn; }
    // The same, with the font of each piece (0 regular, 1 bold), in drawing order.
    const QList<PdfTextLayer::Run> &runs() const { return m_runs; }

    static constexpr qreal kQrSide = mm(34);
    static constexpr qreal kQrSmall = mm(22);

private:
    void line(const QString &s, const QFont &f, qreal x, qreal y, qreal w, Qt::Alignment align, const QColor &colour)
    {
        m_painter.save();
        m_painter.setFont(f);
        m_painter.setPen(colour);
        m_painter.drawText(QRectF(x, y, w, QFontMetricsF(f, &m_writer).lineSpacing()), int(align | Qt::AlignTop), s);
        m_painter.restore();
        m_drawn += s;
        m_runs.append({f.bold() ? 1 : 0, s});
    }

    QPdfWriter &m_writer;
    QPainter &m_painter;
    const Sheet &m_doc;
    const std::optional<QrMatrix> &m_qr;
    Density m_density;
    qreal m_width;
    qreal m_height;
    int m_page = 1;
    qreal m_y = 0;
    QString m_drawn;
    QList<PdfTextLayer::Run> m_runs;
};

struct Rendered
{
    QByteArray bytes;
    int pages = 0;
    QString drawn;
    QList<PdfTextLayer::Run> runs;
};

Result<Rendered> renderWith(
    const Sheet &doc, const QList<Block> &blocks, const std::optional<QrMatrix> &qr, Density density)
{
    using R = Result<Rendered>;
    Rendered out;
    QBuffer buffer(&out.bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(18, 16, 18, 16), QPageLayout::Millimeter);
    writer.setResolution(kDpi);
    writer.setTitle(doc.title + QStringLiteral(" ") + doc.caseNumber);
    writer.setCreator(QStringLiteral("OneWindow"));

    QPainter painter;
    if (!painter.begin(&writer))
        return R::failure(PdfRenderer::tr("Cannot start the PDF."));
    PageWriter page(writer, painter, doc, qr, density);
    page.firstPage();
    const qreal w = page.width();
    const qreal qrSide = PageWriter::kQrSide;
    const qreal headWidth = qr ? w - qrSide - mm(4) : w;
    const qreal labelWidth = mm(34);
    bool beforeFirstHeading = true;
    bool afterRule = false;
    qreal itemRight = mm(68);
    // The closing fields' labels on one line each (a label broken over two lines would read
    // back interleaved with its neighbour's value).
    qreal closingLabelWidth = mm(20);
    {
        const QFontMetricsF fm(page.font(10.5, true), &writer);
        bool seenRule = false;
        for (const Block &b : blocks) {
            seenRule = seenRule || b.type == Block::Type::Rule;
            if (seenRule && b.type == Block::Type::Field)
                closingLabelWidth = std::max(closingLabelWidth, fm.horizontalAdvance(b.label) + mm(3));
        }
        closingLabelWidth = std::min(closingLabelWidth, w / 4);
    }

    for (qsizetype i = 0; i < blocks.size(); ++i) {
        const Block &b = blocks.at(i);
        const qreal textWidth = (beforeFirstHeading && page.y() < qrSide) ? headWidth : w;
        switch (b.type) {
        case Block::Type::Title:
            page.advance(page.text(b.text, page.font(18, true), 0, textWidth) + page.gap(mm(3)));
            break;
        case Block::Type::Note:
            page.advance(page.text(b.text, page.font(9.5), 0, textWidth) + page.gap(mm(1.5)));
            break;
        case Block::Type::Field: {
            if (afterRule && i + 1 < blocks.size() && blocks.at(i + 1).type == Block::Type::Field) {
                // The closing fields (window, clerk, date…) two to a row.
                const Block &b2 = blocks.at(++i);
                const qreal half = w / 2;
                const qreal small = closingLabelWidth;
                page.ensure(mm(6));
                const qreal h1 = page.text(b.label, page.font(10.5, true), 0, small);
                const qreal h2 = page.text(b.text, page.font(10.5), small, half - small);
                const qreal h3 = page.text(b2.label, page.font(10.5, true), half, small);
                const qreal h4 = page.text(b2.text, page.font(10.5), half + small, half - small);
                page.advance(std::max({h1, h2, h3, h4}) + page.gap(mm(1.2)));
                break;
            }
            page.ensure(mm(6));
            const qreal lw = afterRule ? closingLabelWidth : labelWidth;
            const qreal h1 = page.text(b.label, page.font(10.5, true), 0, lw);
            const qreal h2 = page.text(b.text, page.font(10.5), lw, (afterRule ? w / 2 : textWidth) - lw);
            page.advance(std::max(h1, h2) + page.gap(mm(1.2)));
            break;
        }
        case Block::Type::Heading:
            beforeFirstHeading = false;
            page.advance(page.gap(mm(3)));
            if (page.pages() == 1 && page.y() < qrSide + mm(2))
                page.advance(qrSide + mm(2) - page.y());
            page.ensure(mm(16));
            page.advance(page.text(b.text, page.font(12, true), 0, w) + mm(1));
            painter.setPen(QPen(Qt::black, mm(0.25)));
            painter.drawLine(QPointF(0, page.y()), QPointF(w, page.y()));
            page.advance(page.gap(mm(1.5)) + mm(0.5));
            break;
        case Block::Type::Item: {
            // The right column as narrow as this section's texts allow (short "received" notes
            // leave the material names room for one line), never narrower than 38 % of the page.
            if (i == 0 || blocks.at(i - 1).type != Block::Type::Item) {
                const QFontMetricsF fm(page.font(10), &writer);
                qreal widest = 0;
                for (qsizetype k = i; k < blocks.size() && blocks.at(k).type == Block::Type::Item; ++k)
                    widest = std::max(
                        {widest, fm.horizontalAdvance(blocks.at(k).text), fm.horizontalAdvance(blocks.at(k).detail)});
                itemRight = std::clamp(w - widest - mm(2), mm(68), w * 0.62);
            }
            const qreal right = itemRight;
            // An item stays on one page: its name, why and how to supply it together.
            const QString bullet = QStringLiteral("• ") + b.label;
            page.ensure(std::max(page.height(bullet, page.font(10.5, true), right - mm(4)),
                page.height(b.text, page.font(10), w - right) + page.height(b.detail, page.font(9.5), w - right)));
            const qreal h1 = page.text(QStringLiteral("• ") + b.label, page.font(10.5, true), mm(2), right - mm(4));
            qreal h2 = page.text(b.text, page.font(10), right, w - right);
            if (!b.detail.isEmpty())
                h2 += page.text(b.detail, page.font(9.5), right, w - right, Qt::AlignLeft, h2);
            page.advance(std::max(h1, h2) + page.gap(mm(1.2)));
            break;
        }
        case Block::Type::Rule:
            afterRule = true;
            page.advance(page.gap(mm(3)) + mm(1));
            page.ensure(mm(2));
            painter.setPen(QPen(Qt::black, mm(0.2), Qt::DashLine));
            painter.drawLine(QPointF(0, page.y()), QPointF(w, page.y()));
            page.advance(page.gap(mm(3)) + mm(1));
            break;
        case Block::Type::Qr: break; // drawn in the corner of every page
        }
    }
    // Signature line for the applicant and the office seal.
    page.advance(page.gap(mm(10)) + mm(3));
    page.ensure(mm(8));
    page.text(doc.signature, page.font(10.5), 0, w / 2);
    page.text(PdfRenderer::tr("(Office seal)"), page.font(10.5), w / 2, w / 2, Qt::AlignRight);
    page.footer();
    if (!painter.end())
        return R::failure(PdfRenderer::tr("Writing the PDF failed."));
    buffer.close();
    out.pages = page.pages();
    out.drawn = page.drawn();
    out.runs = page.runs();
    return out;
}

Result<QByteArray> renderSheet(const Sheet &doc)
{
    using R = Result<QByteArray>;
    const QList<Block> &blocks = doc.blocks;
    std::optional<QrMatrix> qr;
    for (const Block &b : blocks) {
        if (b.type == Block::Type::Qr) {
            auto m = QrCache::pdf(b.text);
            if (!m)
                return R::failure(m.error());
            qr = m.value();
        }
    }
    // The loosest setting that fits one page; a document that cannot fit stays loose.
    std::optional<Rendered> chosen;
    for (const Density &d : kDensities) {
        auto r = renderWith(doc, blocks, qr, d);
        if (!r)
            return R::failure(r.error());
        if (!chosen)
            chosen = r.value();
        if (r->pages == 1) {
            chosen = r.value();
            break;
        }
    }
    PdfTextLayer::Substitutions subs;
    for (const bool bold : {false, true}) {
        const auto more = PdfTextLayer::substitutions(QRawFont::fromFont(cjkFont(10, bold)), chosen->drawn);
        for (auto it = more.cbegin(); it != more.cend(); ++it)
            subs.insert(it.key(), it.value());
    }
    auto fixed = PdfTextLayer::remapToUnicode(chosen->bytes, subs);
    if (!fixed)
        return R::failure(fixed.error());
    const QList<QRawFont> fonts = {QRawFont::fromFont(cjkFont(10, false)), QRawFont::fromFont(cjkFont(10, true))};
    QByteArray bytes = PdfTextLayer::completeSupplementary(fixed.value(), fonts, chosen->runs);
    pinCreationDate(bytes, doc.issuedAt);
    return bytes;
}

} // namespace

Result<QByteArray> PdfRenderer::render(const ReceiptDocument &doc)
{
    const i18n::DocumentLanguage inItsLanguage(doc.language); // the page footer and signature line too
    return renderSheet({doc.title(), doc.caseNumber, doc.issuedAt, DocumentLayout::blocks(doc),
        PdfRenderer::tr("Applicant's signature:")});
}

Result<QByteArray> PdfRenderer::render(const HandoutSlip &slip)
{
    const i18n::DocumentLanguage inItsLanguage(slip.language);
    return renderSheet({slip.title(), slip.caseNumber, slip.issuedAt, SlipLayout::blocks(slip),
        PdfRenderer::tr("Collector's signature:")});
}

} // namespace ow::receipt
