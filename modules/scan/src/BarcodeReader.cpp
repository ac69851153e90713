#include "onewindow/scan/BarcodeReader.h"

#include "onewindow/scan/PageNormaliser.h"

#include <QTransform>

#include <array>
#include <future>
#include <vector>

#include <ZXing/ReadBarcode.h>

namespace ow::scan {

namespace {

bool sameSymbol(const Barcode &a, const Barcode &b)
{
    return a.format == b.format && a.text == b.text
        && a.position.boundingRect().intersects(b.position.boundingRect().adjusted(-4, -4, 4, 4));
}

// Regions that may hold a 2-D symbol: on a ~1 mm grid of cells, the cells with strong contrast,
// grouped into connected blobs; square blobs 4–60 mm wide, mostly filled, become crops with a
// margin. Lines of text form long, thin blobs and are left out.
QList<QRect> dataMatrixCandidates(const QImage &gray)
{
    const int longSide = std::max(gray.width(), gray.height());
    const int cell = std::max(2, longSide / 300); // ~1 mm on an A4 page
    const int cw = gray.width() / cell, ch = gray.height() / cell;
    if (cw < 4 || ch < 4)
        return {QRect(QPoint(0, 0), gray.size())};
    std::vector<uchar> active(size_t(cw) * ch, 0);
    for (int cy = 0; cy < ch; ++cy) {
        for (int cx = 0; cx < cw; ++cx) {
            int lo = 255, hi = 0;
            for (int y = cy * cell; y < (cy + 1) * cell; y += 1) {
                const uchar *row = gray.constScanLine(y) + cx * cell;
                for (int x = 0; x < cell; ++x) {
                    lo = std::min(lo, int(row[x]));
                    hi = std::max(hi, int(row[x]));
                }
            }
            active[size_t(cy) * cw + cx] = hi - lo > 60;
        }
    }
    QList<QRect> out;
    std::vector<int> stack;
    std::vector<uchar> seen(active.size(), 0);
    const double mm = longSide / 297.0;
    for (int start = 0; start < cw * ch; ++start) {
        if (!active[size_t(start)] || seen[size_t(start)])
            continue;
        int x0 = cw, y0 = ch, x1 = -1, y1 = -1, count = 0;
        stack.assign(1, start);
        seen[size_t(start)] = 1;
        while (!stack.empty()) {
            const int i = stack.back();
            stack.pop_back();
            const int x = i % cw, y = i / cw;
            x0 = std::min(x0, x);
            y0 = std::min(y0, y);
            x1 = std::max(x1, x);
            y1 = std::max(y1, y);
            ++count;
            for (int dy = -1; dy <= 1; ++dy) {
                for (int dx = -1; dx <= 1; ++dx) {
                    const int nx = x + dx, ny = y + dy;
                    if (nx < 0 || ny < 0 || nx >= cw || ny >= ch)
                        continue;
                    const int n = ny * cw + nx;
                    if (active[size_t(n)] && !seen[size_t(n)]) {
                        seen[size_t(n)] = 1;
                        stack.push_back(n);
                    }
                }
            }
        }
        const int w = (x1 - x0 + 1) * cell, h = (y1 - y0 + 1) * cell;
        const double aspect = double(std::max(w, h)) / std::max(1, std::min(w, h));
        const double fill = double(count) / ((x1 - x0 + 1) * (y1 - y0 + 1));
        if (std::min(w, h) < 4 * mm || std::max(w, h) > 60 * mm || aspect > 2.2 || fill < 0.5)
            continue;
        const int margin = std::max(w, h) / 2 + 2 * cell;
        out.append(QRect(x0 * cell - margin, y0 * cell - margin, w + 2 * margin, h + 2 * margin)
                       .intersected(QRect(QPoint(0, 0), gray.size())));
        if (out.size() >= 40)
            break;
    }
    return out;
}

QList<Barcode> readOnce(const QImage &gray, int page, ZXing::Binarizer binarizer = ZXing::Binarizer::LocalAverage)
{
    const ZXing::ImageView view(
        gray.constBits(), gray.width(), gray.height(), ZXing::ImageFormat::Lum, int(gray.bytesPerLine()));
    // Matrix codes are looked for on a pyramid of downscaled copies too; linear codes only at
    // full size: ZXing 1.4 (Debian 12) asserts when it merges a linear symbol seen on several
    // lines of one layer with the same symbol seen on one line of another (zxing-cpp #740).
    ZXing::DecodeHints matrix;
    matrix.setFormats(ZXing::BarcodeFormat::MatrixCodes);
    matrix.setTryHarder(true);
    matrix.setTryRotate(true);
    matrix.setTryDownscale(true);
    matrix.setBinarizer(binarizer);
    ZXing::DecodeHints linear = matrix;
    linear.setFormats(ZXing::BarcodeFormat::LinearCodes);
    linear.setTryDownscale(false);
    QList<Barcode> found;
    // `columnWidth` > 0: the results come from the picture turned 90° clockwise.
    const auto take = [&](const ZXing::Results &results, double scale, int dx, int dy, int columnWidth = 0,
                          QPoint offset = {}) {
        for (const ZXing::Result &r : results) {
            if (!r.isValid())
                continue;
            Barcode b;
            b.format = QString::fromStdString(ZXing::ToString(r.format()));
            b.text = QString::fromStdString(r.text());
            b.page = page;
            const ZXing::Position &pos = r.position();
            const auto at = [&](const ZXing::PointI &p) {
                if (columnWidth > 0) // (x, y) on the turned picture is (y, W - 1 - x) on the page
                    return QPoint(int((p.y + dx) * scale), int((columnWidth - 1 - p.x) * scale));
                return QPoint(int(p.x * scale), int((p.y + dy) * scale)) + offset;
            };
            b.position = QPolygon({at(pos.topLeft()), at(pos.topRight()), at(pos.bottomRight()), at(pos.bottomLeft())});
            if (std::none_of(found.cbegin(), found.cend(), [&](const Barcode &k) { return sameSymbol(k, b); }))
                found.append(b);
        }
    };
    take(ZXing::ReadBarcodes(view, matrix), 1, 0, 0);
    take(ZXing::ReadBarcodes(view, linear), 1, 0, 0);

    // ZXing 1.4 looks for a DataMatrix only along the centre lines of the picture: each
    // candidate region (dense, square, symbol-sized) is read on its own, centred crop.
    ZXing::DecodeHints dm;
    dm.setFormats(ZXing::BarcodeFormat::DataMatrix);
    dm.setTryRotate(true);
    dm.setTryDownscale(false);
    dm.setBinarizer(binarizer);
    for (const QRect &r : dataMatrixCandidates(gray)) {
        const ZXing::ImageView crop(gray.constBits() + qsizetype(r.top()) * gray.bytesPerLine() + r.left(), r.width(),
            r.height(), ZXing::ImageFormat::Lum, int(gray.bytesPerLine()));
        take(ZXing::ReadBarcodes(crop, dm), 1, 0, 0, 0, r.topLeft());
    }
    return found;
}

// Each block's darkest and lightest values (5th and 95th percentile: scanner noise does not
// count as contrast), for blocks of `side` pixels.
struct BlockRange
{
    int side, columns, rows;
    std::vector<uchar> lo, hi;
};

BlockRange blockRanges(const QImage &gray)
{
    BlockRange r;
    r.side = std::max(8, std::max(gray.width(), gray.height()) / 150); // ~2 mm on an A4 page
    r.columns = (gray.width() + r.side - 1) / r.side;
    r.rows = (gray.height() + r.side - 1) / r.side;
    r.lo.assign(size_t(r.columns) * r.rows, 0);
    r.hi.assign(r.lo.size(), 0);
    std::vector<std::array<int, 256>> hist(static_cast<size_t>(r.columns));
    for (int by = 0; by < r.rows; ++by) {
        for (auto &h : hist)
            h.fill(0);
        const int y1 = std::min(gray.height(), (by + 1) * r.side);
        for (int y = by * r.side; y < y1; ++y) {
            const uchar *row = gray.constScanLine(y);
            for (int x = 0; x < gray.width(); ++x)
                ++hist[size_t(x / r.side)][row[x]];
        }
        for (int bx = 0; bx < r.columns; ++bx) {
            const auto &h = hist[size_t(bx)];
            int n = 0;
            for (int v : h)
                n += v;
            int seen = 0, v = 0;
            while (v < 255 && (seen += h[size_t(v)]) < n / 20)
                ++v;
            r.lo[size_t(by) * r.columns + bx] = uchar(v);
            seen = 0;
            v = 255;
            while (v > 0 && (seen += h[size_t(v)]) < n / 20)
                --v;
            r.hi[size_t(by) * r.columns + bx] = uchar(v);
        }
    }
    return r;
}

constexpr int kNoiseRange = 24; // less than this between a block's dark and light: plain paper
constexpr int kFadedRange = 110; // less than this: ink of a faded copy (print on paper: 150 or more)

bool hasFaded(const BlockRange &r)
{
    // Fading shows as blocks whose ink is barely darker than the paper; a symbol covers
    // several. Plain paper is below the noise range, print on paper far above.
    // The edge of a printed line can look the same: only blocks with no print around them count.
    const auto range = [&](int bx, int by) {
        return r.hi[size_t(by) * r.columns + bx] - r.lo[size_t(by) * r.columns + bx];
    };
    int faded = 0;
    for (int by = 0; by < r.rows; ++by) {
        for (int bx = 0; bx < r.columns; ++bx) {
            if (range(bx, by) < kNoiseRange || range(bx, by) >= kFadedRange)
                continue;
            bool print = false;
            for (int dy = -1; dy <= 1 && !print; ++dy) {
                for (int dx = -1; dx <= 1 && !print; ++dx) {
                    const int x = bx + dx, y = by + dy;
                    print = x >= 0 && y >= 0 && x < r.columns && y < r.rows && range(x, y) >= kFadedRange;
                }
            }
            faded += !print;
        }
    }
    return faded >= 9;
}

QImage stretched(const QImage &gray, const BlockRange &r)
{
    // Each pixel stretched between the darkest and the lightest values of the 3 × 3 blocks
    // around it (~6 mm): a 20 % contrast symbol comes out black on white, and any binariser
    // can cut it in the middle. Blocks with no more than noise around them become paper.
    std::vector<uchar> lo(r.lo.size()), hi(r.hi.size());
    for (int by = 0; by < r.rows; ++by) {
        for (int bx = 0; bx < r.columns; ++bx) {
            int l = 255, h = 0;
            for (int dy = -1; dy <= 1; ++dy) {
                for (int dx = -1; dx <= 1; ++dx) {
                    const int x = bx + dx, y = by + dy;
                    if (x < 0 || y < 0 || x >= r.columns || y >= r.rows)
                        continue;
                    l = std::min(l, int(r.lo[size_t(y) * r.columns + x]));
                    h = std::max(h, int(r.hi[size_t(y) * r.columns + x]));
                }
            }
            lo[size_t(by) * r.columns + bx] = uchar(l);
            hi[size_t(by) * r.columns + bx] = uchar(h);
        }
    }
    QImage out(gray.size(), QImage::Format_Grayscale8);
    for (int y = 0; y < gray.height(); ++y) {
        const uchar *in = gray.constScanLine(y);
        uchar *o = out.scanLine(y);
        const size_t rowAt = size_t(y / r.side) * r.columns;
        for (int x = 0; x < gray.width(); ++x) {
            const int l = lo[rowAt + size_t(x / r.side)], h = hi[rowAt + size_t(x / r.side)];
            o[x] = h - l < kNoiseRange ? 255 : uchar(std::clamp((int(in[x]) - l) * 255 / (h - l), 0, 255));
        }
    }
    return out;
}

} // namespace

bool BarcodeReader::hasFadedAreas(const QImage &gray)
{
    return hasFaded(blockRanges(gray));
}

QImage BarcodeReader::stretchContrast(const QImage &gray)
{
    return stretched(gray, blockRanges(gray));
}

QList<Barcode> BarcodeReader::read(const QImage &image, int page)
{
    if (image.isNull())
        return {};
    QImage gray =
        image.format() == QImage::Format_Grayscale8 ? image : image.convertToFormat(QImage::Format_Grayscale8);
    // Light-on-dark symbols: the inverted page, read at the same time on another thread.
    auto inverted = std::async(std::launch::async, [gray, page] {
        QImage negative = gray;
        negative.invertPixels();
        return readOnce(negative, page);
    });
    QList<Barcode> found = readOnce(gray, page);
    const auto add = [&](const QList<Barcode> &more) {
        for (const Barcode &b : more) {
            if (std::none_of(found.cbegin(), found.cend(), [&](const Barcode &k) { return sameSymbol(k, b); }))
                found.append(b);
        }
    };
    // A page lying a few degrees askew: PDF417 and linear codes read better straightened.
    const double skew = PageNormaliser::estimateSkew(gray);
    if (std::abs(skew) >= 0.5) {
        const QImage straight = PageNormaliser::rotate(gray, -skew);
        QList<Barcode> more = readOnce(straight, page);
        // Back to the page's coordinates: turn the corners by the skew about the centre.
        const QTransform back = QTransform()
                                    .translate(gray.width() / 2.0, gray.height() / 2.0)
                                    .rotate(skew)
                                    .translate(-gray.width() / 2.0, -gray.height() / 2.0);
        for (Barcode &b : more)
            b.position = back.map(b.position);
        add(more);
    }
    add(inverted.get());
    // A faded copy (a symbol at 20 % contrast on light paper): the page once more with its
    // contrast stretched around each place, cut at a fixed threshold, then by the histogram.
    if (const BlockRange ranges = blockRanges(gray); hasFaded(ranges)) {
        const QImage clear = stretched(gray, ranges);
        const qsizetype before = found.size();
        add(readOnce(clear, page, ZXing::Binarizer::FixedThreshold));
        if (found.size() == before)
            add(readOnce(clear, page, ZXing::Binarizer::GlobalHistogram));
    }
    return found;
}

} // namespace ow::scan
