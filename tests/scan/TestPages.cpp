#include "TestPages.h"

#include <QFont>
#include <QPainter>
#include <QPolygonF>
#include <QRandomGenerator>
#include <QTransform>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <cmath>

namespace testpages {

namespace {

double px(double mm, double dpi)
{
    return mm / 25.4 * dpi;
}

bool isLinear(ZXing::BarcodeFormat f)
{
    return f == ZXing::BarcodeFormat::Code128 || f == ZXing::BarcodeFormat::Code39 || f == ZXing::BarcodeFormat::EAN13;
}

void drawSymbol(QPainter &p, const Symbol &s, double dpi)
{
    ZXing::MultiFormatWriter writer(s.format);
    writer.setEncoding(ZXing::CharacterSet::UTF8);
    writer.setMargin(0);
    ZXing::BitMatrix bits = writer.encode(s.text.toStdWString(), 0, 0);
    const int module = std::max(2, int(std::lround(px(s.moduleMm, dpi))));
    const int rowsPx = isLinear(s.format) ? int(px(s.heightMm > 0 ? s.heightMm : 12, dpi)) : bits.height() * module;
    const int rowHeight = isLinear(s.format) ? rowsPx : module;
    const QPointF origin(px(s.topLeftMm.x(), dpi), px(s.topLeftMm.y(), dpi));
    const int quiet = 4 * module + (isLinear(s.format) ? 6 * module : 0);
    const QColor ink = s.inverted ? Qt::white : Qt::black;
    const QColor paper = s.inverted ? Qt::black : Qt::white;
    p.fillRect(
        QRectF(origin.x() - quiet, origin.y() - quiet, bits.width() * module + 2 * quiet, rowsPx + 2 * quiet), paper);
    const int rows = isLinear(s.format) ? 1 : bits.height();
    for (int y = 0; y < rows; ++y) {
        for (int x = 0; x < bits.width(); ++x) {
            if (bits.get(x, isLinear(s.format) ? 0 : y))
                p.fillRect(QRectF(origin.x() + x * module, origin.y() + y * rowHeight, module, rowHeight), ink);
        }
    }
}

} // namespace

QStringList sampleText()
{
    return {QStringLiteral("房屋租赁合同"), QStringLiteral("出租方（甲方）：杭州市西湖区某某物业管理有限公司"),
        QStringLiteral("承租方（乙方）：浙江一窗示范餐饮有限公司"),
        QStringLiteral("第一条 甲方将位于杭州市西湖区文三路 100 号一层的房屋出租给乙方作为餐饮经营场所使用，"),
        QStringLiteral("建筑面积 120 平方米。租赁期限自 2026 年 12 月 1 日起至 2029 年 11 月 30 日止。"),
        QStringLiteral("第二条 租金每月人民币壹万贰仟元整，按季度支付，每季度首月五日前付清。"),
        QStringLiteral("第三条 乙方应按消防、食品安全等有关规定使用房屋，不得擅自改变房屋结构和用途。"),
        QStringLiteral("第四条 租赁期内甲方负责房屋主体结构的维修，乙方负责室内设施的日常维护。"),
        QStringLiteral("第五条 本合同一式三份，甲乙双方各执一份，备案一份，自双方签字盖章之日起生效。"),
        QStringLiteral("甲方（盖章）：                         乙方（盖章）："),
        QStringLiteral("签订日期：2026 年 11 月 20 日")};
}

QImage a4Page(double dpi, const QList<Symbol> &symbols, const QStringList &lines)
{
    QImage page(int(px(210, dpi)), int(px(297, dpi)), QImage::Format_RGB32);
    page.fill(Qt::white);
    QPainter p(&page);
    QFont font(QStringLiteral("Noto Sans CJK SC"));
    font.setPixelSize(int(px(3.6, dpi))); // about 10 pt
    p.setFont(font);
    p.setPen(Qt::black);
    double y = 120;
    for (const QString &line : lines) {
        p.drawText(QPointF(px(20, dpi), px(y, dpi)), line);
        y += 9;
    }
    for (const Symbol &s : symbols)
        drawSymbol(p, s, dpi);
    p.end();
    QImage gray = page.convertToFormat(QImage::Format_Grayscale8);
    gray.setDotsPerMeterX(int(std::lround(dpi / 0.0254)));
    gray.setDotsPerMeterY(int(std::lround(dpi / 0.0254)));
    return gray;
}

QList<Symbol> mixedSymbols()
{
    return {{ZXing::BarcodeFormat::QRCode, QStringLiteral("OW-MATERIAL:lease"), {20, 20}, 0.5},
        {ZXing::BarcodeFormat::Code128, QStringLiteral("ZJ2026-000123"), {90, 25}, 0.33, 12},
        // A square DataMatrix (ZXing 1.4 picks a rectangle for some lengths and reads those poorly).
        {ZXing::BarcodeFormat::DataMatrix, QStringLiteral("dm-sample-330106-abc"), {160, 20}, 0.5},
        {ZXing::BarcodeFormat::PDF417, QStringLiteral("PDF417 sample 2026-12-01"), {20, 230}, 0.33}};
}

QImage rotated(const QImage &page, double degrees)
{
    // QImage::transformed (not the normaliser's own rotation): a larger picture with transparent
    // corners, laid on white paper and cut back to the page around its centre.
    const QImage turned =
        page.convertToFormat(QImage::Format_ARGB32).transformed(QTransform().rotate(degrees), Qt::SmoothTransformation);
    QImage canvas(page.size(), QImage::Format_ARGB32);
    canvas.fill(Qt::white);
    QPainter p(&canvas);
    p.drawImage(QPointF((page.width() - turned.width()) / 2.0, (page.height() - turned.height()) / 2.0), turned);
    p.end();
    QImage out = canvas.convertToFormat(QImage::Format_Grayscale8);
    out.setDotsPerMeterX(page.dotsPerMeterX());
    out.setDotsPerMeterY(page.dotsPerMeterY());
    return out;
}

QImage quarterTurns(const QImage &page, int turns)
{
    QImage out = page.transformed(QTransform().rotate(90.0 * turns));
    out.setDotsPerMeterX(page.dotsPerMeterX());
    out.setDotsPerMeterY(page.dotsPerMeterY());
    return out.convertToFormat(QImage::Format_Grayscale8);
}

QImage noisy(const QImage &page, int sigma, unsigned seed)
{
    QImage out = page.convertToFormat(QImage::Format_Grayscale8);
    QRandomGenerator rng(seed);
    for (int y = 0; y < out.height(); ++y) {
        uchar *row = out.scanLine(y);
        for (int x = 0; x < out.width(); ++x) {
            // Sum of three uniforms: roughly normal.
            const int n = int(rng.bounded(2 * sigma + 1)) + int(rng.bounded(2 * sigma + 1))
                + int(rng.bounded(2 * sigma + 1)) - 3 * sigma;
            row[x] = uchar(std::clamp(int(row[x]) + n / 2, 0, 255));
        }
    }
    return out;
}

QImage blurred(const QImage &page, int passes)
{
    QImage cur = page.convertToFormat(QImage::Format_Grayscale8);
    for (int pass = 0; pass < passes; ++pass) {
        QImage next = cur;
        for (int y = 1; y + 1 < cur.height(); ++y) {
            const uchar *a = cur.constScanLine(y - 1), *b = cur.constScanLine(y), *c = cur.constScanLine(y + 1);
            uchar *o = next.scanLine(y);
            for (int x = 1; x + 1 < cur.width(); ++x) {
                const int s = a[x - 1] + a[x] + a[x + 1] + b[x - 1] + b[x] + b[x + 1] + c[x - 1] + c[x] + c[x + 1];
                o[x] = uchar(s / 9);
            }
        }
        cur = next;
    }
    return cur;
}

QByteArray multiPageTiff(const QList<QImage> &pages, int resolutionUnit)
{
    QByteArray out("II*\0", 4);
    const auto u16 = [&](int v) { out.append(char(v & 0xFF)).append(char((v >> 8) & 0xFF)); };
    const auto u32 = [&](quint32 v) {
        for (int i = 0; i < 4; ++i)
            out.append(char((v >> (8 * i)) & 0xFF));
    };
    const auto patch32 = [&](qsizetype at, quint32 v) {
        for (int i = 0; i < 4; ++i)
            out[at + i] = char((v >> (8 * i)) & 0xFF);
    };
    qsizetype nextIfdLink = out.size();
    u32(0);
    for (const QImage &page : pages) {
        const QImage g = page.convertToFormat(QImage::Format_Grayscale8);
        const quint32 dataAt = quint32(out.size());
        for (int y = 0; y < g.height(); ++y)
            out.append(reinterpret_cast<const char *>(g.constScanLine(y)), g.width());
        if (out.size() % 2)
            out.append('\0');
        const quint32 resAt = quint32(out.size());
        const int dpi = int(std::lround(g.dotsPerMeterX() * 0.0254));
        u32(quint32(dpi));
        u32(1);
        patch32(nextIfdLink, quint32(out.size()));
        struct Entry
        {
            int tag, type;
            quint32 value;
        };
        const QList<Entry> entries {{256, 4, quint32(g.width())}, {257, 4, quint32(g.height())}, {258, 3, 8},
            {259, 3, 1}, {262, 3, 1}, {273, 4, dataAt}, {277, 3, 1}, {278, 4, quint32(g.height())},
            {279, 4, quint32(g.width()) * quint32(g.height())}, {282, 5, resAt}, {283, 5, resAt},
            {296, 3, quint32(resolutionUnit)}};
        u16(int(entries.size()));
        for (const Entry &e : entries) {
            u16(e.tag);
            u16(e.type);
            u32(1);
            if (e.type == 3) {
                u16(int(e.value));
                u16(0);
            } else {
                u32(e.value);
            }
        }
        nextIfdLink = out.size();
        u32(0);
    }
    return out;
}

namespace {

QImage colourCopy(const QImage &gray, double dpi)
{
    QImage page = gray.convertToFormat(QImage::Format_RGB32);
    page.setDotsPerMeterX(int(std::lround(dpi / 0.0254)));
    page.setDotsPerMeterY(int(std::lround(dpi / 0.0254)));
    return page;
}

} // namespace

QRectF sealRectMm()
{
    return {130, 190, 42, 42};
}

QImage sealedPage(double dpi)
{
    QImage page = colourCopy(a4Page(dpi, {}, sampleText()), dpi);
    QPainter p(&page);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor red(214, 32, 44);
    const QRectF box = sealRectMm();
    const QPointF centre(px(box.center().x(), dpi), px(box.center().y(), dpi));
    const double radius = px(box.width() / 2 - 0.6, dpi);
    p.setPen(QPen(red, px(1.2, dpi)));
    p.setBrush(Qt::NoBrush);
    p.drawEllipse(centre, radius, radius);
    QPolygonF star;
    for (int i = 0; i < 10; ++i) {
        const double r = px(i % 2 ? 2.6 : 6.5, dpi), a = M_PI / 2 + i * M_PI / 5;
        star << centre - QPointF(r * std::cos(a), r * std::sin(a));
    }
    p.setPen(Qt::NoPen);
    p.setBrush(red);
    p.drawPolygon(star);
    QFont font(QStringLiteral("Noto Sans CJK SC"));
    font.setPixelSize(int(px(4.2, dpi)));
    font.setBold(true);
    p.setFont(font);
    p.setPen(red);
    const QString name = QStringLiteral("浙江一窗示范餐饮有限公司");
    for (int i = 0; i < name.size(); ++i) {
        p.save();
        p.translate(centre);
        p.rotate(-110 + 220.0 * i / (name.size() - 1));
        p.drawText(
            QRectF(-px(2.5, dpi), -radius + px(1.5, dpi), px(5, dpi), px(5, dpi)), Qt::AlignCenter, name.mid(i, 1));
        p.restore();
    }
    p.end();
    return page;
}

QRectF idCardRectMm()
{
    return {40, 30, 85.6, 54};
}

QImage idCopyPage(double dpi)
{
    QImage page = colourCopy(a4Page(dpi, {}, {QStringLiteral("身份证复印件（正反面）  仅供办理营业执照使用")}), dpi);
    QPainter p(&page);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF mm = idCardRectMm();
    const QRectF card(px(mm.x(), dpi), px(mm.y(), dpi), px(mm.width(), dpi), px(mm.height(), dpi));
    p.setPen(QPen(QColor(120, 120, 120), px(0.3, dpi)));
    p.setBrush(QColor(214, 232, 244));
    p.drawRoundedRect(card, px(3, dpi), px(3, dpi));
    // Guilloche: fine pale lines over the card.
    p.setPen(QPen(QColor(170, 205, 228), px(0.25, dpi)));
    for (double y = card.top() + px(2, dpi); y < card.bottom(); y += px(2, dpi))
        p.drawLine(QPointF(card.left(), y), QPointF(card.right(), y + px(1.5, dpi)));
    // The photo: a face on a blue background.
    const QRectF photo(card.right() - px(30, dpi), card.top() + px(8, dpi), px(25, dpi), px(32, dpi));
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(40, 110, 200));
    p.drawRect(photo);
    p.setBrush(QColor(236, 196, 164));
    p.drawEllipse(photo.center() - QPointF(0, px(3, dpi)), px(7.5, dpi), px(9.5, dpi));
    p.setBrush(QColor(30, 30, 40));
    p.drawChord(
        QRectF(photo.center().x() - px(8, dpi), photo.top() + px(2, dpi), px(16, dpi), px(12, dpi)), 0, 180 * 16);
    // The national emblem's place on the back: a red disc with a yellow ring.
    p.setBrush(QColor(200, 20, 30));
    p.setPen(QPen(QColor(235, 190, 40), px(1, dpi)));
    p.drawEllipse(QPointF(card.left() + px(12, dpi), card.top() + px(12, dpi)), px(7, dpi), px(7, dpi));
    QFont font(QStringLiteral("Noto Sans CJK SC"));
    font.setPixelSize(int(px(3, dpi)));
    p.setFont(font);
    p.setPen(Qt::black);
    p.drawText(QPointF(card.left() + px(5, dpi), card.top() + px(30, dpi)), QStringLiteral("姓名  张三"));
    p.drawText(QPointF(card.left() + px(5, dpi), card.top() + px(36, dpi)), QStringLiteral("性别  男    民族  汉"));
    p.drawText(QPointF(card.left() + px(5, dpi), card.top() + px(48, dpi)), QStringLiteral("公民身份号码"));
    p.end();
    return page;
}

QImage colourScan(const QImage &gray, QRgb paper, int fringePx, int sigma, unsigned seed)
{
    const QImage g = gray.convertToFormat(QImage::Format_Grayscale8);
    QImage out(g.size(), QImage::Format_RGB32);
    out.setDotsPerMeterX(gray.dotsPerMeterX());
    out.setDotsPerMeterY(gray.dotsPerMeterY());
    QRandomGenerator rng(seed);
    // One draw per pixel: three 16-bit parts, each the sum of two bytes (triangular, ±sigma).
    quint64 bits = 0;
    const auto noise = [&](int part) {
        if (sigma <= 0)
            return 0;
        const int a = int((bits >> (16 * part)) & 0xFF), b = int((bits >> (16 * part + 8)) & 0xFF);
        return (a + b - 255) * sigma / 128;
    };
    for (int y = 0; y < g.height(); ++y) {
        const uchar *row = g.constScanLine(y);
        auto *o = reinterpret_cast<QRgb *>(out.scanLine(y));
        for (int x = 0; x < g.width(); ++x) {
            const int shifted = row[std::clamp(x + fringePx, 0, g.width() - 1)];
            bits = sigma > 0 ? rng.generate64() : 0;
            const auto channel = [&](int v, int paperChannel, int part) {
                return std::clamp(v * paperChannel / 255 + noise(part), 0, 255);
            };
            o[x] = qRgb(
                channel(shifted, qRed(paper), 0), channel(row[x], qGreen(paper), 1), channel(row[x], qBlue(paper), 2));
        }
    }
    return out;
}

QImage faded(const QImage &gray, int ink, int paper)
{
    QImage out = gray.convertToFormat(QImage::Format_Grayscale8);
    for (int y = 0; y < out.height(); ++y) {
        uchar *row = out.scanLine(y);
        for (int x = 0; x < out.width(); ++x)
            row[x] = uchar(ink + (paper - ink) * row[x] / 255);
    }
    return out;
}

QString licenceQrText(const QString &creditCode, const QString &companyName)
{
    return QStringLiteral("统一社会信用代码：%1\n名称：%2\n类型：有限责任公司\n登记机关：杭州市西湖区市场监督管理局\n"
                          "http://www.gsxt.gov.cn/index.html?uniscid=%1")
        .arg(creditCode, companyName);
}

QImage licencePage(double dpi, const QString &creditCode, const QString &companyName)
{
    const QStringList lines {QStringLiteral("营 业 执 照"), QStringLiteral("（副 本）"),
        QStringLiteral("统一社会信用代码 %1").arg(creditCode), QStringLiteral("名    称 %1").arg(companyName),
        QStringLiteral("类    型 有限责任公司（自然人投资或控股）"), QStringLiteral("法定代表人 张三"),
        QStringLiteral("经营范围 餐饮服务；食品销售（依法须经批准的项目，经相关部门批准后方可开展经营活动）"),
        QStringLiteral("注册资本 壹佰万元整"), QStringLiteral("成立日期 2026 年 11 月 02 日"),
        QStringLiteral("住    所 浙江省杭州市西湖区文三路 100 号"),
        QStringLiteral("登记机关 杭州市西湖区市场监督管理局")};
    return a4Page(dpi, {{ZXing::BarcodeFormat::QRCode, licenceQrText(creditCode, companyName), {160, 40}, 0.4}}, lines);
}

} // namespace testpages
