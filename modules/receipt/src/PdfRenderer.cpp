#include "onewindow/receipt/PdfRenderer.h"

#include "onewindow/receipt/DocumentLayout.h"
#include "onewindow/receipt/QrMatrix.h"

#include <QBuffer>
#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>

#include <optional>

namespace ow::receipt {

namespace {

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
    return f;
}

class PageWriter
{
public:
    PageWriter(QPdfWriter &writer, QPainter &painter, QString footer)
        : m_writer(writer)
        , m_painter(painter)
        , m_width(painter.viewport().width())
        , m_height(painter.viewport().height() - mm(8)) // the footer line below
        , m_footer(std::move(footer))
    { }

    // "Case … · page N" at the bottom of the current page, so loose pages find their case.
    void footer()
    {
        m_painter.save();
        m_painter.setFont(cjkFont(8));
        m_painter.setPen(Qt::darkGray);
        m_painter.drawText(QRectF(0, m_height + mm(3), m_width, mm(5)), Qt::AlignRight | Qt::AlignVCenter,
                           PdfRenderer::tr("%1 · page %2").arg(m_footer).arg(m_page));
        m_painter.restore();
    }

    // Draws wrapped text in [x, x + w) at the current line (plus `dy`), breaking the page first
    // when it would not fit. Returns the height used.
    qreal text(const QString &s, const QFont &font, qreal x, qreal w, int flags = Qt::AlignLeft, qreal dy = 0)
    {
        m_painter.setFont(font);
        const QRectF bound = m_painter.boundingRect(QRectF(x, 0, w, 1e6), flags | Qt::TextWordWrap, s);
        ensure(dy + bound.height());
        m_painter.drawText(QRectF(x, m_y + dy, w, bound.height()), flags | Qt::TextWordWrap, s);
        return bound.height();
    }
    void advance(qreal h) { m_y += h; }
    void ensure(qreal h)
    {
        if (m_y + h > m_height) {
            footer();
            m_writer.newPage();
            ++m_page;
            m_y = 0;
        }
    }
    qreal y() const { return m_y; }
    qreal width() const { return m_width; }
    QPainter &painter() { return m_painter; }

private:
    QPdfWriter &m_writer;
    QPainter &m_painter;
    qreal m_width;
    qreal m_height;
    QString m_footer;
    int m_page = 1;
    qreal m_y = 0;
};

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

} // namespace

Result<QByteArray> PdfRenderer::render(const ReceiptDocument &doc)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(18, 16, 18, 16), QPageLayout::Millimeter);
    writer.setResolution(kDpi);
    writer.setTitle(doc.title() + QStringLiteral(" ") + doc.caseNumber);
    writer.setCreator(QStringLiteral("OneWindow"));

    QPainter painter;
    if (!painter.begin(&writer))
        return Result<QByteArray>::failure(tr("Cannot start the PDF."));
    PageWriter page(writer, painter, doc.title() + QStringLiteral(" ") + doc.caseNumber);
    const qreal w = page.width();
    const qreal qrSide = mm(34);
    const QList<Block> blocks = DocumentLayout::blocks(doc);

    // The QR code sits in the top-right corner of the first page, beside the title block.
    std::optional<QrMatrix> qr;
    for (const Block &b : blocks) {
        if (b.type == Block::Type::Qr) {
            auto m = QrMatrix::encode(b.text);
            if (!m)
                return Result<QByteArray>::failure(m.error());
            qr = m.value();
        }
    }
    if (qr)
        drawQr(painter, *qr, QRectF(w - qrSide, 0, qrSide, qrSide));
    const qreal headWidth = qr ? w - qrSide - mm(4) : w;
    const qreal labelWidth = mm(34);
    bool beforeFirstHeading = true;

    for (const Block &b : blocks) {
        const qreal textWidth = (beforeFirstHeading && page.y() < qrSide) ? headWidth : w;
        switch (b.type) {
        case Block::Type::Title:
            page.advance(page.text(b.text, cjkFont(18, true), 0, textWidth, Qt::AlignLeft) + mm(3));
            break;
        case Block::Type::Note: page.advance(page.text(b.text, cjkFont(9.5), 0, textWidth) + mm(1.5)); break;
        case Block::Type::Field: {
            const qreal h1 = page.text(b.label, cjkFont(10.5, true), 0, labelWidth);
            const qreal h2 = page.text(b.text, cjkFont(10.5), labelWidth, textWidth - labelWidth);
            page.advance(std::max(h1, h2) + mm(1.2));
            break;
        }
        case Block::Type::Heading:
            beforeFirstHeading = false;
            page.advance(mm(3));
            if (page.y() < qrSide + mm(2))
                page.advance(qrSide + mm(2) - page.y());
            page.advance(page.text(b.text, cjkFont(12, true), 0, w) + mm(1));
            painter.setPen(QPen(Qt::black, mm(0.25)));
            painter.drawLine(QPointF(0, page.y()), QPointF(w, page.y()));
            page.advance(mm(1.5));
            break;
        case Block::Type::Item: {
            const qreal right = mm(68);
            page.ensure(mm(12));
            const qreal h1 = page.text(QStringLiteral("• ") + b.label, cjkFont(10.5, true), mm(2), right - mm(4));
            qreal h2 = page.text(b.text, cjkFont(10), right, w - right);
            if (!b.detail.isEmpty())
                h2 += page.text(b.detail, cjkFont(9.5), right, w - right, Qt::AlignLeft, h2);
            page.advance(std::max(h1, h2) + mm(1.2));
            break;
        }
        case Block::Type::Rule:
            page.advance(mm(3));
            page.ensure(mm(2));
            painter.setPen(QPen(Qt::black, mm(0.2), Qt::DashLine));
            painter.drawLine(QPointF(0, page.y()), QPointF(w, page.y()));
            page.advance(mm(3));
            break;
        case Block::Type::Qr: break; // drawn in the corner above
        }
    }
    // Signature line for the applicant and the office seal.
    page.advance(mm(10));
    page.ensure(mm(12));
    page.text(tr("Applicant's signature:"), cjkFont(10.5), 0, w / 2);
    page.text(tr("(Office seal)"), cjkFont(10.5), w / 2, w / 2, Qt::AlignRight);
    page.footer();
    if (!painter.end())
        return Result<QByteArray>::failure(tr("Writing the PDF failed."));
    buffer.close();
    pinCreationDate(bytes, doc.issuedAt);
    return bytes;
}

} // namespace ow::receipt
