#include "onewindow/scan/PageNormaliser.h"

#include <QPainter>
#include <QTransform>

#include <array>
#include <cmath>
#include <vector>

namespace ow::scan {

namespace {

QImage toGray(const QImage &img)
{
    if (img.format() == QImage::Format_Grayscale8)
        return img;
    if (img.hasAlphaChannel()) {
        // Transparent areas are paper.
        QImage flat(img.size(), QImage::Format_RGB32);
        flat.fill(Qt::white);
        QPainter p(&flat);
        p.drawImage(0, 0, img);
        p.end();
        return flat.convertToFormat(QImage::Format_Grayscale8);
    }
    return img.convertToFormat(QImage::Format_Grayscale8);
}

QImage scaledToDpi(const QImage &img, double dpi, double maxDpi, double *outDpi)
{
    *outDpi = dpi;
    if (dpi <= maxDpi * 1.05)
        return img;
    const double f = maxDpi / dpi;
    *outDpi = maxDpi;
    return img.scaled(std::max(1, int(std::lround(img.width() * f))), std::max(1, int(std::lround(img.height() * f))),
        Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

void setDpi(QImage &img, double dpi)
{
    img.setDotsPerMeterX(int(std::lround(dpi / 0.0254)));
    img.setDotsPerMeterY(int(std::lround(dpi / 0.0254)));
}

} // namespace

int PageNormaliser::otsuThreshold(const QImage &gray)
{
    std::array<qint64, 256> hist {};
    for (int y = 0; y < gray.height(); ++y) {
        const uchar *row = gray.constScanLine(y);
        for (int x = 0; x < gray.width(); ++x)
            ++hist[row[x]];
    }
    const qint64 total = qint64(gray.width()) * gray.height();
    double sum = 0;
    for (int i = 0; i < 256; ++i)
        sum += double(i) * hist[i];
    double sumB = 0, best = -1;
    qint64 wB = 0;
    int threshold = 128;
    for (int t = 0; t < 256; ++t) {
        wB += hist[t];
        if (wB == 0)
            continue;
        const qint64 wF = total - wB;
        if (wF == 0)
            break;
        sumB += double(t) * hist[t];
        const double mB = sumB / wB, mF = (sum - sumB) / wF;
        const double between = double(wB) * double(wF) * (mB - mF) * (mB - mF);
        if (between > best) {
            best = between;
            threshold = t;
        }
    }
    return threshold;
}

bool PageNormaliser::looksBilevel(const QImage &gray)
{
    // Sample every other pixel of every other row: text pages have ink (dark), paper (light)
    // and a thin fringe of edge pixels between; photos and shaded stamps have a wide middle.
    qint64 mid = 0, all = 0, ink = 0;
    for (int y = 0; y < gray.height(); y += 2) {
        const uchar *row = gray.constScanLine(y);
        for (int x = 0; x < gray.width(); x += 2) {
            const uchar v = row[x];
            ++all;
            mid += v > 70 && v < 180;
            ink += v <= 70;
        }
    }
    if (all == 0)
        return true;
    return double(mid) / all < 0.08 && double(ink) / all < 0.35;
}

QImage PageNormaliser::toBilevel(const QImage &gray)
{
    // Otsu separates paper from ink; on a blurred scan it sits near the paper and fattens the
    // strokes. The cut goes halfway between the paper (median of the light class) and the ink
    // (its darkest tenth), where the edge of a blurred stroke is.
    const int t = otsuThreshold(gray);
    std::array<qint64, 256> hist {};
    for (int y = 0; y < gray.height(); ++y) {
        const uchar *row = gray.constScanLine(y);
        for (int x = 0; x < gray.width(); ++x)
            ++hist[row[x]];
    }
    const auto quantile = [&](int from, int to, double q) {
        qint64 n = 0;
        for (int i = from; i <= to; ++i)
            n += hist[i];
        qint64 seen = 0;
        for (int i = from; i <= to; ++i) {
            seen += hist[i];
            if (n && seen >= q * n)
                return i;
        }
        return (from + to) / 2;
    };
    const int threshold = std::clamp((quantile(0, t, 0.1) + quantile(t + 1, 255, 0.5)) / 2, 60, 200);
    const int w = gray.width(), h = gray.height();
    std::vector<uchar> ink(size_t(w) * h);
    for (int y = 0; y < h; ++y) {
        const uchar *row = gray.constScanLine(y);
        for (int x = 0; x < w; ++x)
            ink[size_t(y) * w + x] = row[x] <= threshold;
    }
    // Index 0 black, 1 white: the colour table Qt's PDF writer stores as a 1-bit image.
    QImage mono(w, h, QImage::Format_Mono);
    mono.setColorTable({qRgb(0, 0, 0), qRgb(255, 255, 255)});
    mono.fill(1);
    for (int y = 0; y < h; ++y) {
        uchar *out = mono.scanLine(y);
        for (int x = 0; x < w; ++x) {
            if (!ink[size_t(y) * w + x])
                continue;
            // A dark pixel with no dark 8-neighbour is scanner noise, not ink.
            int neighbours = 0;
            for (int dy = -1; dy <= 1 && neighbours == 0; ++dy) {
                const int yy = y + dy;
                if (yy < 0 || yy >= h)
                    continue;
                for (int dx = -1; dx <= 1; ++dx) {
                    const int xx = x + dx;
                    if ((dx || dy) && xx >= 0 && xx < w && ink[size_t(yy) * w + xx]) {
                        ++neighbours;
                        break;
                    }
                }
            }
            if (neighbours)
                out[x >> 3] &= uchar(~(0x80 >> (x & 7)));
        }
    }
    return mono;
}

double PageNormaliser::estimateSkew(const QImage &gray, double maxDegrees)
{
    // Work on a ~75 dpi copy of the page: enough for the line structure, fast.
    const double f = std::min(1.0, 900.0 / std::max(gray.width(), gray.height()));
    const QImage small = f < 1 ? gray.scaled(std::max(1, int(gray.width() * f)), std::max(1, int(gray.height() * f)),
                             Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                               : gray;
    const int threshold = std::min(otsuThreshold(small), 160);
    std::vector<std::pair<int, int>> dark;
    for (int y = 0; y < small.height(); ++y) {
        const uchar *row = small.constScanLine(y);
        for (int x = 0; x < small.width(); ++x) {
            if (row[x] < threshold)
                dark.emplace_back(x, y);
        }
    }
    const qsizetype area = qsizetype(small.width()) * small.height();
    if (dark.size() < 200 || dark.size() > size_t(area) / 3)
        return 0;
    const int bins = small.height() + small.width() + 2;
    std::vector<int> hist(static_cast<size_t>(bins), 0);
    const auto score = [&](double degrees) {
        std::fill(hist.begin(), hist.end(), 0);
        const double t = std::tan(degrees * M_PI / 180.0);
        for (const auto &[x, y] : dark) {
            const int b = int(std::lround(y - x * t)) + small.width();
            if (b >= 0 && b < bins)
                ++hist[size_t(b)];
        }
        double s = 0;
        for (int v : hist)
            s += double(v) * v;
        return s;
    };
    double bestAngle = 0, best = score(0);
    for (double a = -maxDegrees; a <= maxDegrees + 1e-9; a += 0.25) {
        const double s = score(a);
        if (s > best * 1.0000001) {
            best = s;
            bestAngle = a;
        }
    }
    const double coarse = bestAngle;
    for (double a = coarse - 0.25; a <= coarse + 0.25 + 1e-9; a += 0.05) {
        const double s = score(a);
        if (s > best) {
            best = s;
            bestAngle = a;
        }
    }
    // Lines that fall with x (y - x·tan a constant) are a page turned clockwise.
    return bestAngle;
}

QImage PageNormaliser::rotate(const QImage &gray, double degrees)
{
    QImage canvas(gray.size(), QImage::Format_RGB32);
    canvas.fill(Qt::white);
    QPainter p(&canvas);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.translate(gray.width() / 2.0, gray.height() / 2.0);
    p.rotate(degrees);
    p.translate(-gray.width() / 2.0, -gray.height() / 2.0);
    p.drawImage(0, 0, gray);
    p.end();
    return canvas.convertToFormat(
        gray.format() == QImage::Format_Grayscale8 ? QImage::Format_Grayscale8 : QImage::Format_RGB32);
}

Page PageNormaliser::normalise(const Page &page, const Options &options)
{
    Page out = page;
    if (page.image.isNull())
        return out;
    const QImage gray = toGray(page.image);
    double dpi = page.dpi;
    QImage work = scaledToDpi(options.mode == Mode::Color ? page.image.convertToFormat(QImage::Format_RGB32) : gray,
        page.dpi, options.maxDpi, &dpi);
    const QImage grayWork = work.format() == QImage::Format_Grayscale8 ? work : toGray(work);
    const double skew = estimateSkew(grayWork, options.maxDeskewDegrees);
    if (std::abs(skew) >= 0.1)
        work = rotate(work, -skew);
    const QImage straightGray = work.format() == QImage::Format_Grayscale8 ? work : toGray(work);

    Mode mode = options.mode;
    if (mode == Mode::Auto)
        mode = looksBilevel(straightGray) ? Mode::Bilevel : Mode::Gray;
    if (mode == Mode::Bilevel) {
        out.image = toBilevel(straightGray);
    } else {
        if (mode == Mode::Gray)
            work = straightGray;
        work = scaledToDpi(work, dpi, options.grayMaxDpi, &dpi);
        out.image = work;
    }
    out.dpi = dpi;
    setDpi(out.image, dpi);
    return out;
}

} // namespace ow::scan
