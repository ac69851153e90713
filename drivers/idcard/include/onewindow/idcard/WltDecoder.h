#pragma once

#include "onewindow/core/Result.h"

#include <QByteArray>
#include <QCoreApplication>

#include <memory>

namespace ow::idcard {

// The plug-in point for the photo. The card's 1024-byte WLT photo can only be decoded by the
// licensed library that comes with a certified reader; OneWindow keeps the raw bytes and shows a
// placeholder unless a decoder is installed:
//
//   class VendorWlt : public ow::idcard::WltDecoder { … decode() calls the vendor library … };
//   ow::idcard::WltDecoder::install(std::make_shared<VendorWlt>());
//
// decode() returns an image file (BMP or PNG, 102×126 px) that QImage::fromData() can load.
// It may be called from any thread; implementations must be thread-safe.
class WltDecoder
{
    Q_DECLARE_TR_FUNCTIONS(ow::idcard::WltDecoder)

public:
    virtual ~WltDecoder();
    virtual QString name() const = 0;
    virtual Result<QByteArray> decode(const QByteArray &wlt) const = 0;

    static void install(std::shared_ptr<WltDecoder> decoder); // nullptr uninstalls
    static std::shared_ptr<WltDecoder> installed();
    // Decodes with the installed decoder, or fails with "no decoder installed".
    static Result<QByteArray> decodePhoto(const QByteArray &wlt);
};

} // namespace ow::idcard
