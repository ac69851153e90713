#include "onewindow/receipt/QrCache.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QMutexLocker>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <future>
#include <optional>

namespace ow::receipt {

namespace {

std::atomic<int> g_encodings {0};

// A small map that forgets its oldest entry beyond kCapacity.
template<typename K, typename V>
class Recent
{
public:
    const V *find(const K &key) const
    {
        const auto it = m_values.constFind(key);
        return it == m_values.constEnd() ? nullptr : &it.value();
    }
    void insert(const K &key, const V &value)
    {
        if (m_values.contains(key))
            return;
        if (m_order.size() >= QrCache::kCapacity)
            m_values.remove(m_order.takeFirst());
        m_order.append(key);
        m_values.insert(key, value);
    }

private:
    QHash<K, V> m_values;
    QList<K> m_order;
};

QMutex &mutex()
{
    static QMutex m;
    return m;
}

struct EscPosKey
{
    QByteArray payload;
    int ec;
    bool operator==(const EscPosKey &o) const { return ec == o.ec && payload == o.payload; }
};

size_t qHash(const EscPosKey &k, size_t seed = 0)
{
    return ::qHash(k.payload, seed) ^ size_t(k.ec);
}

// A symbol, or one being encoded (std::nullopt when the payload cannot be encoded: escPos()
// then encodes it again for the error message).
using Symbol = std::shared_future<std::optional<printer::MonoBitmap>>;

Recent<EscPosKey, Symbol> &escPosSymbols()
{
    static Recent<EscPosKey, Symbol> r;
    return r;
}

// Registers the encoding of `key` (under the lock) as `symbol`; the caller runs the task then.
std::function<void()> startEncoding(const EscPosKey &key, Symbol *symbol)
{
    auto promise = std::make_shared<std::promise<std::optional<printer::MonoBitmap>>>();
    *symbol = promise->get_future().share();
    escPosSymbols().insert(key, *symbol);
    return [promise, key] {
        auto encoded = printer::QrRaster::modules(key.payload, printer::QrErrorCorrection(key.ec));
        ++g_encodings;
        promise->set_value(encoded ? std::optional<printer::MonoBitmap>(encoded.value()) : std::nullopt);
    };
}

Recent<QString, QrMatrix> &pdfSymbols()
{
    static Recent<QString, QrMatrix> r;
    return r;
}

} // namespace

Result<printer::MonoBitmap> QrCache::escPos(const QByteArray &payload, printer::QrErrorCorrection ec)
{
    const EscPosKey key {payload, int(ec)};
    Symbol symbol;
    std::function<void()> encode;
    {
        const QMutexLocker lock(&mutex());
        if (const auto *known = escPosSymbols().find(key))
            symbol = *known;
        else
            encode = startEncoding(key, &symbol);
    }
    if (encode)
        encode(); // not prepared: encoded here, outside the lock
    const auto &value = symbol.get(); // waits for a prepared encoding still under way
    if (value)
        return *value;
    return printer::QrRaster::modules(payload, ec); // the encoder's error
}

void QrCache::prepare(const QByteArray &payload, printer::QrErrorCorrection ec)
{
    const EscPosKey key {payload, int(ec)};
    std::function<void()> encode;
    {
        const QMutexLocker lock(&mutex());
        if (escPosSymbols().find(key))
            return;
        Symbol symbol;
        encode = startEncoding(key, &symbol);
    }
    QThreadPool::globalInstance()->start(std::move(encode));
}

Result<QrMatrix> QrCache::pdf(const QString &text)
{
    {
        const QMutexLocker lock(&mutex());
        if (const auto *known = pdfSymbols().find(text))
            return *known;
    }
    auto encoded = QrMatrix::encode(text);
    ++g_encodings;
    if (!encoded)
        return encoded;
    const QMutexLocker lock(&mutex());
    pdfSymbols().insert(text, encoded.value());
    return encoded;
}

int QrCache::encodings()
{
    return g_encodings.load();
}

} // namespace ow::receipt
