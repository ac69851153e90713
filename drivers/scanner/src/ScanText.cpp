#include "onewindow/scanner/ScanText.h"

#include <QStringDecoder>
#include <QStringEncoder>

#include <cerrno>
#include <iconv.h>

namespace ow::scanner {

namespace {

QString iconvConvert(QByteArrayView bytes, bool *ok)
{
    *ok = false;
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == reinterpret_cast<iconv_t>(-1))
        return {};
    QByteArray in(bytes.data(), bytes.size());
    QByteArray out(bytes.size() * 4 + 16, Qt::Uninitialized);
    char *inPtr = in.data();
    size_t inLeft = size_t(in.size());
    char *outPtr = out.data();
    size_t outLeft = size_t(out.size());
    const size_t rc = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft);
    iconv_close(cd);
    if (rc == size_t(-1) || inLeft != 0)
        return {};
    out.truncate(out.size() - qsizetype(outLeft));
    *ok = true;
    return QString::fromUtf8(out);
}

} // namespace

bool ScanText::isValidUtf8(QByteArrayView bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    return !decoder.hasError();
}

QString ScanText::decodeGb18030(QByteArrayView bytes, bool *ok)
{
    QStringDecoder decoder("GB18030", QStringDecoder::Flag::Stateless);
    if (!decoder.isValid())
        return decodeGb18030WithIconv(bytes, ok);
    const QString text = decoder.decode(bytes);
    *ok = !decoder.hasError() && !text.contains(QChar::ReplacementCharacter);
    return text;
}

QString ScanText::decodeGb18030WithIconv(QByteArrayView bytes, bool *ok)
{
    return iconvConvert(bytes, ok);
}

QByteArray ScanText::encodeGb18030(const QString &text, bool *ok)
{
    QStringEncoder encoder("GB18030", QStringEncoder::Flag::Stateless);
    if (encoder.isValid()) {
        QByteArray out = encoder.encode(text);
        *ok = !encoder.hasError();
        return out;
    }
    *ok = false;
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    if (cd == reinterpret_cast<iconv_t>(-1))
        return {};
    QByteArray in = text.toUtf8();
    QByteArray out(in.size() * 2 + 16, Qt::Uninitialized);
    char *inPtr = in.data();
    size_t inLeft = size_t(in.size());
    char *outPtr = out.data();
    size_t outLeft = size_t(out.size());
    const size_t rc = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft);
    iconv_close(cd);
    if (rc == size_t(-1) || inLeft != 0)
        return {};
    out.truncate(out.size() - qsizetype(outLeft));
    *ok = true;
    return out;
}

ScanText::Decoded ScanText::decode(QByteArrayView bytes)
{
    Decoded result;
    bool ascii = true;
    for (char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii) {
        result.text = QString::fromLatin1(bytes);
        result.encoding = TextEncoding::Ascii;
        return result;
    }
    if (isValidUtf8(bytes)) {
        // A UTF-8 byte order mark says nothing about the content: drop it.
        QByteArrayView body = bytes;
        if (body.startsWith("\xEF\xBB\xBF"))
            body = body.sliced(3);
        result.text = QString::fromUtf8(body);
        result.encoding = TextEncoding::Utf8;
        return result;
    }
    bool ok = false;
    const QString gb = decodeGb18030(bytes, &ok);
    if (ok) {
        result.text = gb;
        result.encoding = TextEncoding::Gb18030;
        return result;
    }
    result.text = QString::fromUtf8(bytes); // U+FFFD where the bytes make no sense
    result.encoding = TextEncoding::Invalid;
    return result;
}

} // namespace ow::scanner
