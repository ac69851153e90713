#include "SamFrameFuzz.h"

#include "onewindow/idcard/CardDecoder.h"
#include "onewindow/idcard/IdCardText.h"
#include "onewindow/idcard/SamCodec.h"

#include <cstdio>
#include <cstdlib>

using ow::idcard::CardDecoder;
using ow::idcard::SamCodec;

namespace {

void require(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "owFuzzSamFrame: property violated: %s\n", what);
        std::abort();
    }
}

void exerciseCard(const ow::idcard::IdCardData &card)
{
    const QDate today(2026, 11, 28);
    const auto full = ow::idcard::IdCardText::fields(card, true, today);
    const auto masked = ow::idcard::IdCardText::fields(card, false, today);
    require(!full.isEmpty() && !masked.isEmpty(), "a decoded card has fields");
    if (card.idNumber.size() == 18) {
        for (const auto &f : masked) {
            if (f.first == QLatin1String("id_number"))
                require(f.second != card.idNumber && f.second.contains(QLatin1Char('*')), "the ID number is masked");
        }
    }
    // Nothing that controls or steers text survives decoding, and an invalid number is said.
    for (const QString &field : {card.name, card.englishName, card.address, card.authority, card.idNumber,
             card.passNumber, card.nationality, card.acceptingAuthorityCode}) {
        for (const QChar c : field)
            require(c.category() != QChar::Other_Control && c.category() != QChar::Other_Format,
                "no control or format character in a decoded field");
    }
    require(!card.numberInvalid || !card.warnings.isEmpty(), "an invalid number comes with a warning");
    (void)card.isExpired(today);
    (void)card.nationName();
    (void)ow::idcard::IdCardText::toJson(card, false, today);
}

} // namespace

int owFuzzSamFrame(const uint8_t *data, size_t size)
{
    if (size > 8192)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));

    const int frameSize = SamCodec::frameSize(bytes);
    require(frameSize == -1 || (frameSize >= 10 && frameSize <= 0xFFFF + 7), "frame size within the length rules");

    const auto response = SamCodec::parseResponse(bytes);
    if (response) {
        require(SamCodec::buildResponse(response.value()) == bytes, "a parsed response rebuilds to the same bytes");
        require(frameSize == bytes.size(), "frameSize agrees with a parsed response");
    } else {
        require(!response.error().isEmpty(), "a rejected response names the problem");
    }
    const auto request = SamCodec::parseRequest(bytes);
    if (request)
        require(SamCodec::buildRequest(request->command, request->parameter, request->data) == bytes,
            "a parsed request rebuilds to the same bytes");

    const auto card = CardDecoder::decodeReadFrame(bytes);
    if (card)
        exerciseCard(card.value());
    else
        require(!card.error().isEmpty(), "a rejected read frame names the problem");
    const auto fromData = CardDecoder::decodeReadData(bytes);
    if (fromData)
        exerciseCard(fromData.value());
    if (bytes.size() >= CardDecoder::TextSize) {
        const auto text = CardDecoder::decodeText(bytes.left(CardDecoder::TextSize));
        if (text)
            exerciseCard(text.value());
    }
    (void)CardDecoder::decodeAppendedAddress(bytes);
    (void)SamCodec::statusText(bytes.isEmpty() ? 0 : quint8(bytes.at(0)));
    return 0;
}
