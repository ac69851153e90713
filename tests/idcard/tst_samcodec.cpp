#include "CardBytes.h"

#include "onewindow/idcard/CardDecoder.h"
#include "onewindow/idcard/SamCodec.h"

#include <QTest>

using ow::idcard::SamCodec;

class TestSamCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildRequest_data();
    void buildRequest();
    void parseResponse_data();
    void parseResponse();
    void rejectsBadFrames_data();
    void rejectsBadFrames();
    void frameSize_data();
    void frameSize();
    void statusTexts_data();
    void statusTexts();
    void wholeReadResponses_data();
    void wholeReadResponses();
    void responseRoundTrip();
};

void TestSamCodec::buildRequest_data()
{
    QTest::addColumn<int>("command");
    QTest::addColumn<int>("parameter");
    QTest::addColumn<QByteArray>("frame");
    // CHK = XOR of Len1 Len2 CMD PARA.
    QTest::newRow("find") << 0x20 << 0x01 << QByteArray::fromHex("aaaaaa9669000320 01 22");
    QTest::newRow("select") << 0x20 << 0x02 << QByteArray::fromHex("aaaaaa9669000320 02 21");
    QTest::newRow("reset") << 0x10 << 0xFF << QByteArray::fromHex("aaaaaa9669000310 ff ec");
    QTest::newRow("status") << 0x11 << 0xFF << QByteArray::fromHex("aaaaaa9669000311 ff ed");
    QTest::newRow("SAM id") << 0x12 << 0xFF << QByteArray::fromHex("aaaaaa9669000312 ff ee");
    QTest::newRow("read text+photo") << 0x30 << 0x01 << QByteArray::fromHex("aaaaaa9669000330 01 32");
    QTest::newRow("read with fingerprint") << 0x30 << 0x10 << QByteArray::fromHex("aaaaaa9669000330 10 23");
    QTest::newRow("appended address") << 0x30 << 0x03 << QByteArray::fromHex("aaaaaa9669000330 03 30");
}

void TestSamCodec::buildRequest()
{
    QFETCH(int, command);
    QFETCH(int, parameter);
    QFETCH(QByteArray, frame);
    QCOMPARE(SamCodec::buildRequest(quint8(command), quint8(parameter)).toHex(), frame.toHex());
    const auto parsed = SamCodec::parseRequest(frame);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
    QCOMPARE(int(parsed->command), command);
    QCOMPARE(int(parsed->parameter), parameter);
}

void TestSamCodec::parseResponse_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<int>("sw3");
    QTest::addColumn<QByteArray>("data");
    // From the tables: the find-card answer is 15 bytes with checksum 0x97.
    QTest::newRow("card found") << QByteArray::fromHex("aaaaaa9669 0008 00009f 00000000 97") << 0x9F
                                << QByteArray::fromHex("00000000");
    QTest::newRow("no card") << QByteArray::fromHex("aaaaaa9669 0004 000080 84") << 0x80 << QByteArray();
    QTest::newRow("selected (19 bytes)") << QByteArray::fromHex("aaaaaa9669 000c 000090 0102030405060708 94") << 0x90
                                         << QByteArray::fromHex("0102030405060708");
    QTest::newRow("no appended address") << QByteArray::fromHex("aaaaaa9669 0004 000091 95") << 0x91 << QByteArray();
}

void TestSamCodec::parseResponse()
{
    QFETCH(QByteArray, frame);
    QFETCH(int, sw3);
    QFETCH(QByteArray, data);
    const auto r = SamCodec::parseResponse(frame);
    QVERIFY2(r.ok(), qPrintable(r.error()));
    QCOMPARE(int(r->sw3), sw3);
    QCOMPARE(r->data, data);
    QCOMPARE(SamCodec::frameSize(frame.left(7)), int(frame.size()));
}

void TestSamCodec::rejectsBadFrames_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("problem");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("too short");
    QTest::newRow("six bytes") << QByteArray::fromHex("aaaaaa966900") << QStringLiteral("too short");
    QTest::newRow("wrong preamble") << QByteArray::fromHex("aaaaab9669 0004 000080 84") << QStringLiteral("preamble");
    QTest::newRow("length too small") << QByteArray::fromHex("aaaaaa9669 0002 0000") << QStringLiteral("too small");
    QTest::newRow("truncated") << QByteArray::fromHex("aaaaaa9669 0008 00009f 0000") << QStringLiteral("truncated");
    QTest::newRow("trailing bytes") << QByteArray::fromHex("aaaaaa9669 0004 000080 84 00")
                                    << QStringLiteral("after its end");
    QTest::newRow("bad checksum") << QByteArray::fromHex("aaaaaa9669 0004 000080 85") << QStringLiteral("checksum");
    QTest::newRow("public sample's wrong checksum")
        << QByteArray::fromHex("aaaaaa9669 0008 00009f 00000000 96") << QStringLiteral("checksum");
}

void TestSamCodec::rejectsBadFrames()
{
    QFETCH(QByteArray, frame);
    QFETCH(QString, problem);
    const auto r = SamCodec::parseResponse(frame);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(problem, Qt::CaseInsensitive), qPrintable(r.error()));
}

void TestSamCodec::frameSize_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<int>("size");
    QTest::newRow("1295") << QByteArray::fromHex("aaaaaa96690508") << 1295;
    QTest::newRow("2321") << QByteArray::fromHex("aaaaaa9669090a") << 2321;
    QTest::newRow("short header") << QByteArray::fromHex("aaaaaa966909") << -1;
    QTest::newRow("no preamble") << QByteArray::fromHex("0000000000090a") << -1;
    QTest::newRow("length 2") << QByteArray::fromHex("aaaaaa96690002") << -1;
}

void TestSamCodec::frameSize()
{
    QFETCH(QByteArray, header);
    QFETCH(int, size);
    QCOMPARE(SamCodec::frameSize(header), size);
}

void TestSamCodec::statusTexts_data()
{
    QTest::addColumn<int>("sw3");
    for (int sw3 :
        {0x90, 0x91, 0x9F, 0x10, 0x11, 0x21, 0x23, 0x24, 0x31, 0x32, 0x33, 0x40, 0x41, 0x47, 0x60, 0x66, 0x80, 0x81})
        QTest::addRow("0x%02x", sw3) << sw3;
}

void TestSamCodec::statusTexts()
{
    QFETCH(int, sw3);
    const QString text = SamCodec::statusText(quint8(sw3));
    QVERIFY(!text.isEmpty());
    QVERIFY2(!text.contains(QStringLiteral("unknown status")), qPrintable(text));
    QVERIFY(SamCodec::statusText(0x55).contains(QStringLiteral("0x55")));
    QCOMPARE(SamCodec::isSuccess(quint8(sw3)), sw3 == 0x90 || sw3 == 0x9F);
}

void TestSamCodec::wholeReadResponses_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<int>("size");
    QTest::addColumn<QByteArray>("fingerprint");
    QTest::newRow("text+photo") << cardbytes::readResponse1295() << 1295 << QByteArray();
    QTest::newRow("text+photo+fingerprint") << cardbytes::readResponse2321() << 2321 << cardbytes::fingerprint();
}

void TestSamCodec::wholeReadResponses()
{
    QFETCH(QByteArray, frame);
    QFETCH(int, size);
    QFETCH(QByteArray, fingerprint);
    QCOMPARE(int(frame.size()), size);
    QCOMPARE(SamCodec::frameSize(frame), size);
    const auto r = SamCodec::parseResponse(frame);
    QVERIFY2(r.ok(), qPrintable(r.error()));
    QCOMPARE(int(r->sw3), 0x90);
    const auto card = ow::idcard::CardDecoder::decodeReadFrame(frame);
    QVERIFY2(card.ok(), qPrintable(card.error()));
    QCOMPARE(card->type, ow::idcard::CardType::Resident);
    QCOMPARE(card->name, QStringLiteral("王小明"));
    QCOMPARE(card->idNumber, QStringLiteral("330106199003070014"));
    QCOMPARE(card->address, QStringLiteral("浙江省杭州市西湖区文三路100号"));
    QCOMPARE(card->authority, QStringLiteral("杭州市公安局西湖分局"));
    QCOMPARE(card->birthDate, QDate(1990, 3, 7));
    QVERIFY(card->longTerm);
    QCOMPARE(card->photoWlt, cardbytes::photo());
    QCOMPARE(card->fingerprint, fingerprint);
    // One flipped bit anywhere is caught by the checksum.
    QByteArray damaged = frame;
    damaged[700] = char(damaged.at(700) ^ 0x04);
    QVERIFY(!SamCodec::parseResponse(damaged).ok());
    QVERIFY(ow::idcard::CardDecoder::decodeReadFrame(damaged).error().contains(QStringLiteral("checksum")));
    // Cut short by one byte: truncated.
    QVERIFY(SamCodec::parseResponse(frame.chopped(1)).error().contains(QStringLiteral("truncated")));
}

void TestSamCodec::responseRoundTrip()
{
    ow::idcard::SamResponse r;
    r.sw3 = 0x90;
    r.data = QByteArray::fromHex("0102030405060708");
    QCOMPARE(SamCodec::buildResponse(r).toHex(),
        QByteArray("aaaaaa9669000c0000900102030405060708"
                   "94"));
}

QTEST_GUILESS_MAIN(TestSamCodec)

#include "tst_samcodec.moc"
