#include "onewindow/scan/PageNormaliser.h"

#include <QPainter>
#include <QTransform>

#include <algorithm>
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

// Colour pages go out as RGB32 on white paper (the PDF writer stores RGB32 as a JPEG without a mask).
QImage toRgb(const QImage &img)
{
    if (!img.hasAlphaChannel())
        return img.convertToFormat(QImage::Format_RGB32);
    QImage flat(img.size(), QImage::Format_RGB32);
    flat.fill(Qt::white);
    QPainter p(&flat);
    p.drawImage(0, 0, img);
    p.end();
    return flat;
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

double PageNormaliser::colourShare(const QImage &image, double dpi)
{
    if (image.isNull() || image.isGrayscale())
        return 0;
    const QImage rgb = toRgb(image);
    // Cells of about 0.5 mm: averaging a cell evens out the scanner's per-pixel colour noise and
    // the red/cyan fringes a colour sensor draws along black strokes, and keeps a 1 mm seal line.
    const int cell = std::max(2, int(std::lround((dpi > 0 ? dpi : 200) * 0.5 / 25.4)));
    const int cw = rgb.width() / cell, ch = rgb.height() / cell;
    if (cw < 3 || ch < 3)
        return 0;
    std::vector<std::array<int, 3>> mean(size_t(cw) * ch);
    std::array<std::array<int, 256>, 3> hist {};
    std::vector<std::array<int, 3>> rowSum(static_cast<size_t>(cw));
    for (int cy = 0; cy < ch; ++cy) {
        std::fill(rowSum.begin(), rowSum.end(), std::array<int, 3> {});
        for (int y = cy * cell; y < (cy + 1) * cell; ++y) {
            const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
            for (int x = 0; x < cw * cell; ++x) {
                std::array<int, 3> &sum = rowSum[size_t(x / cell)];
                sum[0] += qRed(line[x]);
                sum[1] += qGreen(line[x]);
                sum[2] += qBlue(line[x]);
            }
        }
        for (int cx = 0; cx < cw; ++cx) {
            std::array<int, 3> &m = mean[size_t(cy) * cw + cx];
            for (int c = 0; c < 3; ++c) {
                m[size_t(c)] = rowSum[size_t(cx)][size_t(c)] / (cell * cell);
                ++hist[size_t(c)][size_t(m[size_t(c)])];
            }
        }
    }
    // The paper's colour (each channel's 90th percentile over the cells) becomes white: a cream
    // or grey-blue sheet, or a scanner's colour cast, is not colour on the page.
    std::array<int, 3> paper {};
    const qint64 cells = qint64(cw) * ch;
    for (size_t c = 0; c < 3; ++c) {
        qint64 seen = 0;
        int v = 0;
        while (v < 255 && (seen += hist[c][size_t(v)]) < cells * 9 / 10)
            ++v;
        paper[c] = std::max(v, 128);
    }
    // A coloured cell: after that balance, its channels differ by a quarter of the scale. Its
    // hue is its colour less its grey (the mean of its channels).
    constexpr int kChroma = 64;
    std::vector<std::array<int, 3>> hue(size_t(cw) * ch);
    std::vector<uchar> coloured(hue.size(), 0);
    for (size_t i = 0; i < hue.size(); ++i) {
        std::array<int, 3> v {};
        for (size_t c = 0; c < 3; ++c)
            v[c] = std::min(255, mean[i][c] * 255 / paper[c]);
        const int grey = (v[0] + v[1] + v[2]) / 3;
        hue[i] = {v[0] - grey, v[1] - grey, v[2] - grey};
        coloured[i] = *std::max_element(v.begin(), v.end()) - *std::min_element(v.begin(), v.end()) >= kChroma;
    }
    // It counts when two of its neighbours have the same hue (a fleck, a speck of dust or the
    // fringe at the end of a stroke has fewer) and no cell within ~1 mm has the opposite one: a colour sensor whose
    // red, green and blue lines are a pixel or two apart draws black strokes with a red fringe on one side and a cyan
    // one on the other; a seal or a photo has no such twin.
    const auto dot = [&](size_t a, size_t b) {
        return hue[a][0] * hue[b][0] + hue[a][1] * hue[b][1] + hue[a][2] * hue[b][2];
    };
    qint64 count = 0;
    for (int cy = 0; cy < ch; ++cy) {
        for (int cx = 0; cx < cw; ++cx) {
            const size_t i = size_t(cy) * cw + cx;
            if (!coloured[i])
                continue;
            int same = 0;
            bool opposite = false;
            for (int dy = -2; dy <= 2 && !opposite; ++dy) {
                for (int dx = -2; dx <= 2 && !opposite; ++dx) {
                    const int x = cx + dx, y = cy + dy;
                    if ((dx == 0 && dy == 0) || x < 0 || y < 0 || x >= cw || y >= ch)
                        continue;
                    const size_t j = size_t(y) * cw + x;
                    if (!coloured[j])
                        continue;
                    const int d = dot(i, j);
                    opposite = d < 0;
                    same += std::abs(dx) <= 1 && std::abs(dy) <= 1 && d > 0;
                }
            }
            count += same >= 2 && !opposite;
        }
    }
    return double(count) / double(cells);
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
    Mode mode = options.mode;
    // Auto keeps colour where the page has some (a seal, an ID copy, a photo).
    if (mode == Mode::Auto && colourShare(page.image, page.dpi) >= options.minColourShare)
        mode = Mode::Color;
    // A colour page goes straight to its own resolution: one resampling, and less to turn.
    double dpi = page.dpi;
    QImage work = mode == Mode::Color
        ? scaledToDpi(toRgb(page.image), page.dpi, std::min(options.maxDpi, options.colourMaxDpi), &dpi)
        : scaledToDpi(toGray(page.image), page.dpi, options.maxDpi, &dpi);
    const QImage grayWork = work.format() == QImage::Format_Grayscale8 ? work : toGray(work);
    const double skew = estimateSkew(grayWork, options.maxDeskewDegrees);
    if (std::abs(skew) >= 0.1)
        work = rotate(work, -skew);
    const QImage straightGray = work.format() == QImage::Format_Grayscale8 ? work : toGray(work);

    if (mode == Mode::Auto)
        mode = looksBilevel(straightGray) ? Mode::Bilevel : Mode::Gray;
    if (mode == Mode::Bilevel) {
        out.image = toBilevel(straightGray);
    } else if (mode == Mode::Gray) {
        out.image = scaledToDpi(straightGray, dpi, options.grayMaxDpi, &dpi);
    } else {
        out.image = scaledToDpi(work, dpi, options.colourMaxDpi, &dpi);
    }
    out.dpi = dpi;
    setDpi(out.image, dpi);
    return out;
}

} // namespace ow::scan
