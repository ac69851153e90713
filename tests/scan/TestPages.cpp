#include "TestPages.h"

#include <QFont>
#include <QPainter>
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

QByteArray multiPageTiff(const QList<QImage> &pages)
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
            {279, 4, quint32(g.width()) * quint32(g.height())}, {282, 5, resAt}, {283, 5, resAt}, {296, 3, 2}};
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
