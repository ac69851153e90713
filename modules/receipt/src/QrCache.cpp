#include "onewindow/receipt/QrCache.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QMutexLocker>

#include <atomic>

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

Recent<EscPosKey, printer::MonoBitmap> &escPosSymbols()
{
    static Recent<EscPosKey, printer::MonoBitmap> r;
    return r;
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
    {
        const QMutexLocker lock(&mutex());
        if (const auto *known = escPosSymbols().find(key))
            return *known;
    }
    // Encoded outside the lock: two threads may both encode a new payload once; both get it.
    auto encoded = printer::QrRaster::modules(payload, ec);
    ++g_encodings;
    if (!encoded)
        return encoded;
    const QMutexLocker lock(&mutex());
    escPosSymbols().insert(key, encoded.value());
    return encoded;
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
