#pragma once

// Byte vectors for the codec tests, written from the protocol tables (devices.md §1): each text
// field is its UCS-2 little-endian bytes, at its offset, in a block padded with 20 00.
#include <QByteArray>
#include <QList>
#include <QPair>

namespace cardbytes {

using Fields = QList<QPair<int, QByteArray>>;

inline QByteArray textBlock(const Fields &fields)
{
    QByteArray block;
    for (int i = 0; i < 128; ++i)
        block.append(QByteArray::fromHex("2000"));
    for (const auto &f : fields)
        block.replace(f.first, f.second.size(), f.second);
    return block;
}

// 王小明, 1, 01, 19900307, 浙江省杭州市西湖区文三路100号, 330106199003070014, 杭州市公安局西湖分局,
// 20200101, 长期.
inline Fields resident()
{
    return {
        {0, QByteArray::fromHex("8b730f5c0e66")},
        {30, QByteArray::fromHex("3100")},
        {32, QByteArray::fromHex("30003100")},
        {36, QByteArray::fromHex("31003900390030003000330030003700")},
        {52, QByteArray::fromHex("596d5f6c01776d67de5d025e7f89566e3a538765094eef8d310030003000f753")},
        {122, QByteArray::fromHex("330033003000310030003600310039003900300030003300300037003000300031003400")},
        {158, QByteArray::fromHex("6d67de5d025e6c51895b405c7f89566e0652405c")},
        {188, QByteArray::fromHex("32003000320030003000310030003100")},
        {204, QByteArray::fromHex("7f951f67")},
    };
}

// Photo: byte i = i mod 256; fingerprint: byte i = 255 - i mod 256.
inline QByteArray photo()
{
    QByteArray p(1024, '\0');
    for (int i = 0; i < 1024; ++i)
        p[i] = char(i % 256);
    return p;
}

inline QByteArray fingerprint()
{
    QByteArray p(1024, '\0');
    for (int i = 0; i < 1024; ++i)
        p[i] = char(255 - i % 256);
    return p;
}

// The whole 1295-byte answer to 0x30 0x01: Len 0x0508, SW 00 00 90, TextLen 0x0100,
// PhotoLen 0x0400, text, photo, checksum 0x0a (computed by hand from the bytes above).
inline QByteArray readResponse1295()
{
    return QByteArray::fromHex("aaaaaa9669"
                               "0508"
                               "000090"
                               "0100"
                               "0400")
        + textBlock(resident()) + photo() + QByteArray::fromHex("0a");
}

// The whole 2321-byte answer to 0x30 0x10: Len 0x090a, three lengths, checksum 0x00.
inline QByteArray readResponse2321()
{
    return QByteArray::fromHex("aaaaaa9669"
                               "090a"
                               "000090"
                               "0100"
                               "0400"
                               "0400")
        + textBlock(resident()) + photo() + fingerprint() + QByteArray::fromHex("00");
}

} // namespace cardbytes
