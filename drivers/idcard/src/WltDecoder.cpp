#include "onewindow/idcard/WltDecoder.h"

#include <QMutex>
#include <QMutexLocker>

namespace ow::idcard {

namespace {

QMutex &decoderMutex()
{
    static QMutex mutex;
    return mutex;
}

std::shared_ptr<WltDecoder> &decoderSlot()
{
    static std::shared_ptr<WltDecoder> decoder;
    return decoder;
}

} // namespace

WltDecoder::~WltDecoder() = default;

void WltDecoder::install(std::shared_ptr<WltDecoder> decoder)
{
    QMutexLocker lock(&decoderMutex());
    decoderSlot() = std::move(decoder);
}

std::shared_ptr<WltDecoder> WltDecoder::installed()
{
    QMutexLocker lock(&decoderMutex());
    return decoderSlot();
}

Result<QByteArray> WltDecoder::decodePhoto(const QByteArray &wlt)
{
    const std::shared_ptr<WltDecoder> decoder = installed();
    if (!decoder)
        return Result<QByteArray>::failure(tr("No licensed photo decoder is installed."));
    if (wlt.isEmpty())
        return Result<QByteArray>::failure(tr("The card's photo was not read."));
    return decoder->decode(wlt);
}

} // namespace ow::idcard
