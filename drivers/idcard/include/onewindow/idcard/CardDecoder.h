#pragma once

#include "onewindow/core/Result.h"
#include "onewindow/idcard/IdCardData.h"
#include "onewindow/idcard/SamCodec.h"

#include <QCoreApplication>

namespace ow::idcard {

// Decodes what the SAM module returns for a read: the text block (four layouts, chosen by the
// UTF-16 character at offset 248), the photo, the fingerprint and the appended address. Pure.
class CardDecoder
{
    Q_DECLARE_TR_FUNCTIONS(ow::idcard::CardDecoder)

public:
    static constexpr int TextSize = 256;
    static constexpr int PhotoSize = 1024;
    static constexpr int FingerprintSize = 1024;
    static constexpr int AppendedAddressSize = 70;
    static constexpr int TypeOffset = 248;

    // The 256-byte UCS-2 text block.
    static Result<IdCardData> decodeText(const QByteArray &text);
    // The data of a 0x30 0x01 or 0x30 0x10 response (after SW3): 2 or 3 big-endian lengths, then
    // text, photo (and fingerprint). Which one it is follows from the lengths.
    static Result<IdCardData> decodeReadData(const QByteArray &data);
    // A whole read-response frame (1295 bytes for text+photo, 2321 with fingerprint).
    static Result<IdCardData> decodeReadFrame(const QByteArray &frame);
    // The 70-byte appended address block (0x30 0x03).
    static QString decodeAppendedAddress(const QByteArray &block);
    // UCS-2 little endian, trailing spaces and NULs trimmed, control and format characters removed.
    static QString ucs2(const QByteArray &bytes, int offset, int length);
    // `text` without control characters (C0/C1), format characters (bidi overrides and isolates
    // such as U+202E, zero-width joiners, BOM), line/paragraph separators and lone surrogates.
    // They are removed rather than shown escaped: a card's text goes onto signed documents and to
    // the back office, where an escape would become part of the name; the decoder says in the
    // card's warnings that something was removed.
    static QString stripControls(const QString &text, int *removed = nullptr);
    // Adds to card.warnings (and numberInvalid) what is implausible: a number failing GB 11643,
    // a birth date that is no date or differs from the number's, validity that cannot be.
    static void checkSanity(IdCardData &card);
};

} // namespace ow::idcard
