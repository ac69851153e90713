#include "CardBytes.h"

#include "onewindow/idcard/CardDecoder.h"
#include "onewindow/idcard/IdCardText.h"

#include <QJsonArray>
#include <QTest>

using cardbytes::Fields;
using ow::idcard::CardDecoder;
using ow::idcard::CardType;
using ow::idcard::IdCardData;

namespace {

// Foreigner permanent residence card, 2017 ('I'): EnglishName 0/120, Gender 120/2, Permit 122/30,
// Nationality 152/6, ChineseName 158/30, Issue 188/16, Expiry 204/16, Birth 220/16, Version 236/4,
// Authority code 240/8, Type 248/2.
Fields foreignPermanent()
{
    return {
        {0, QByteArray::fromHex("53004d004900540048002c0020004a004f0048004e00")}, // SMITH, JOHN
        {120, QByteArray::fromHex("3100")},
        {122, QByteArray::fromHex("550053004100330031003000300038003000320031003500300030003100")}, // USA310080215001
        {152, QByteArray::fromHex("550053004100")}, // USA
        {158, QByteArray::fromHex("f253c65baf65")}, // 史密斯
        {188, QByteArray::fromHex("32003000310038003000360030003100")}, // 20180601
        {204, QByteArray::fromHex("32003000320038003000360030003100")}, // 20280601
        {220, QByteArray::fromHex("31003900380030003000320031003500")}, // 19800215
        {236, QByteArray::fromHex("31003700")}, // 17
        {240, QByteArray::fromHex("3100350030003000")}, // 1500
        {248, QByteArray::fromHex("4900")}, // 'I'
    };
}

// 2023 foreigner card ('Y'): ChineseName 0/30, Gender 30/2, Renewal 32/4, Birth 36/16,
// EnglishName 52/70 + 220/22, ID 122/36, Start 188/16, End 204/16, Nationality 242/6, Type 248/2.
Fields foreign2023()
{
    return {
        {0, QByteArray::fromHex("6c9a014e")}, // 马丁
        {30, QByteArray::fromHex("3200")}, {32, QByteArray::fromHex("30003000")},
        {36, QByteArray::fromHex("31003900390032003000350031003200")}, // 19920512
        {52, QByteArray::fromHex("4d0041005200540049004e002c0020004d004100520049004500")}, // MARTIN, MARIE
        {122, QByteArray::fromHex("390033003200330035003000310039003900320030003500310032003000300032003400")},
        {188, QByteArray::fromHex("32003000320033003000360030003100")}, // 20230601
        {204, QByteArray::fromHex("32003000330033003000360030003100")}, // 20330601
        {220, QByteArray::fromHex("4400550050004f004e005400")}, // DUPONT
        {242, QByteArray::fromHex("460052004100")}, // FRA
        {248, QByteArray::fromHex("5900")}, // 'Y'
    };
}

// HK/Macao/Taiwan residence permit ('J'): resident layout, nation reserved, Pass number 220/18,
// Issue count 238/4, Type 248/2.
Fields hkMacaoTaiwan()
{
    return {
        {0, QByteArray::fromHex("489627598765")}, // 陈大文
        {30, QByteArray::fromHex("3100")}, {36, QByteArray::fromHex("31003900380035003000370032003000")}, // 19850720
        {52, QByteArray::fromHex("99992f6e79722b524c883f653a53")}, // 香港特别行政区
        {122, QByteArray::fromHex("380031003000300030003000310039003800350030003700320030003000300033003400")},
        {158, QByteArray::fromHex("6c51895be890fa5165518358a17b0674405c")}, // 公安部出入境管理局
        {188, QByteArray::fromHex("32003000310039003000310030003100")}, // 20190101
        {204, QByteArray::fromHex("32003000320034003000310030003100")}, // 20240101
        {220, QByteArray::fromHex("480031003200330034003500360037003800")}, // H12345678
        {238, QByteArray::fromHex("30003100")}, // 01
        {248, QByteArray::fromHex("4a00")}, // 'J'
    };
}

} // namespace

Q_DECLARE_METATYPE(CardType)

namespace {

QByteArray ucs2(const QString &text)
{
    QByteArray bytes;
    for (const QChar c : text) {
        bytes.append(char(c.unicode() & 0xff));
        bytes.append(char(c.unicode() >> 8));
    }
    return bytes;
}

Fields with(Fields fields, int offset, const QString &text)
{
    for (auto &f : fields) {
        if (f.first == offset) {
            // The whole field: the new text, space padded to the old length at least.
            QByteArray bytes = ucs2(text);
            while (bytes.size() < f.second.size())
                bytes.append(QByteArray::fromHex("2000"));
            f.second = bytes;
            return fields;
        }
    }
    fields.append({offset, ucs2(text)});
    return fields;
}

} // namespace

class TestCardDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void layouts_data();
    void layouts();
    void residentDetails();
    void expiry_data();
    void expiry();
    void appendedAddress();
    void rejects_data();
    void rejects();
    void masking();
    void maskingForeigner();
    void foreignerCardIssuer_data();
    void foreignerCardIssuer();
    void sanity_data();
    void sanity();
};

void TestCardDecoder::layouts_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<CardType>("type");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("englishName");
    QTest::addColumn<QString>("idNumber");
    QTest::addColumn<QDate>("birth");
    QTest::addColumn<QString>("nationality");
    QTest::addColumn<QDate>("validUntil");
    QTest::newRow("resident") << cardbytes::textBlock(cardbytes::resident()) << CardType::Resident
                              << QStringLiteral("王小明") << QString() << QStringLiteral("330106199003070014")
                              << QDate(1990, 3, 7) << QString() << QDate();
    QTest::newRow("I") << cardbytes::textBlock(foreignPermanent()) << CardType::ForeignPermanent
                       << QStringLiteral("史密斯") << QStringLiteral("SMITH, JOHN") << QStringLiteral("USA310080215001")
                       << QDate(1980, 2, 15) << QStringLiteral("USA") << QDate(2028, 6, 1);
    QTest::newRow("Y") << cardbytes::textBlock(foreign2023()) << CardType::ForeignPermanent2023
                       << QStringLiteral("马丁") << QStringLiteral("MARTIN, MARIE DUPONT")
                       << QStringLiteral("932350199205120024") << QDate(1992, 5, 12) << QStringLiteral("FRA")
                       << QDate(2033, 6, 1);
    QTest::newRow("J") << cardbytes::textBlock(hkMacaoTaiwan()) << CardType::HkMacaoTaiwan << QStringLiteral("陈大文")
                       << QString() << QStringLiteral("810000198507200034") << QDate(1985, 7, 20) << QString()
                       << QDate(2024, 1, 1);
}

void TestCardDecoder::layouts()
{
    QFETCH(QByteArray, text);
    QFETCH(CardType, type);
    QFETCH(QString, name);
    QFETCH(QString, englishName);
    QFETCH(QString, idNumber);
    QFETCH(QDate, birth);
    QFETCH(QString, nationality);
    QFETCH(QDate, validUntil);
    QCOMPARE(text.size(), 256);
    const auto card = CardDecoder::decodeText(text);
    QVERIFY2(card.ok(), qPrintable(card.error()));
    QCOMPARE(card->type, type);
    QCOMPARE(card->name, name);
    QCOMPARE(card->englishName, englishName);
    QCOMPARE(card->idNumber, idNumber);
    QCOMPARE(card->birthDate, birth);
    QCOMPARE(card->nationality, nationality);
    QCOMPARE(card->validUntil, validUntil);
    if (type == CardType::HkMacaoTaiwan) {
        QCOMPARE(card->passNumber, QStringLiteral("H12345678"));
        QCOMPARE(card->issueCount, QStringLiteral("01"));
        QCOMPARE(card->address, QStringLiteral("香港特别行政区"));
        QCOMPARE(card->authority, QStringLiteral("公安部出入境管理局"));
        QCOMPARE(card->nationCode, QString()); // reserved on this card
    }
    if (type == CardType::ForeignPermanent) {
        QCOMPARE(card->cardVersion, QStringLiteral("17"));
        // Offset 240 holds the accepting authority's code, never shown as the issuer.
        QCOMPARE(card->acceptingAuthorityCode, QStringLiteral("1500"));
        QCOMPARE(card->authority, QStringLiteral("国家移民管理局"));
        QCOMPARE(card->validFrom, QDate(2018, 6, 1));
    }
    if (type == CardType::ForeignPermanent2023) {
        QCOMPARE(card->gender, ow::idcard::Gender::Female);
        QCOMPARE(card->renewalCount, QStringLiteral("00"));
        QCOMPARE(card->validFrom, QDate(2023, 6, 1));
        QCOMPARE(card->authority, QStringLiteral("国家移民管理局"));
        QVERIFY(card->acceptingAuthorityCode.isEmpty());
    }
}

void TestCardDecoder::residentDetails()
{
    const auto card = CardDecoder::decodeText(cardbytes::textBlock(cardbytes::resident()));
    QVERIFY(card.ok());
    QCOMPARE(card->gender, ow::idcard::Gender::Male);
    QCOMPARE(card->nationCode, QStringLiteral("01"));
    QCOMPARE(card->nationName(), QStringLiteral("汉"));
    QCOMPARE(card->validFrom, QDate(2020, 1, 1));
    QVERIFY(card->longTerm);
    QVERIFY(!card->validUntil.isValid());
    QCOMPARE(ow::idcard::nationNameForCode(QStringLiteral("56")), QStringLiteral("基诺"));
    QCOMPARE(ow::idcard::nationNameForCode(QStringLiteral("98")), QStringLiteral("外国血统中国籍人士"));
    QCOMPARE(ow::idcard::nationNameForCode(QStringLiteral("57")), QString());
}

void TestCardDecoder::expiry_data()
{
    QTest::addColumn<QByteArray>("until"); // UCS-2 of the validity end
    QTest::addColumn<QDate>("today");
    QTest::addColumn<bool>("expired");
    const QByteArray end2024 = QByteArray::fromHex("32003000320034003000310030003100"); // 20240101
    QTest::newRow("the day before") << end2024 << QDate(2023, 12, 31) << false;
    QTest::newRow("on the last day") << end2024 << QDate(2024, 1, 1) << false;
    QTest::newRow("the day after") << end2024 << QDate(2024, 1, 2) << true;
    QTest::newRow("long-term") << QByteArray::fromHex("7f951f67") << QDate(2099, 1, 1) << false;
}

void TestCardDecoder::expiry()
{
    QFETCH(QByteArray, until);
    QFETCH(QDate, today);
    QFETCH(bool, expired);
    Fields fields = cardbytes::resident();
    fields.removeLast();
    fields.append({204, until});
    const auto card = CardDecoder::decodeText(cardbytes::textBlock(fields));
    QVERIFY(card.ok());
    QCOMPARE(card->isExpired(today), expired);
    const auto json = ow::idcard::IdCardText::toJson(card.value(), false, today);
    QCOMPARE(json.value(QStringLiteral("expired")).toBool(), expired);
}

void TestCardDecoder::appendedAddress()
{
    QByteArray block = QByteArray::fromHex("596d5f6c01776d67de5d025ef16285583a53566e85585753ef8d3100f753");
    while (block.size() < 70)
        block.append(QByteArray::fromHex("2000"));
    QCOMPARE(CardDecoder::decodeAppendedAddress(block), QStringLiteral("浙江省杭州市拱墅区湖墅南路1号"));
    QCOMPARE(CardDecoder::decodeAppendedAddress(QByteArray(70, '\0')), QString());
}

void TestCardDecoder::rejects_data()
{
    QTest::addColumn<QByteArray>("data"); // the data of a read answer (after SW3)
    QTest::addColumn<QString>("problem");
    const QByteArray text = cardbytes::textBlock(cardbytes::resident());
    QTest::newRow("too short") << QByteArray::fromHex("0100") << QStringLiteral("too short");
    QTest::newRow("lengths do not add up") << QByteArray::fromHex("01000400") + text << QStringLiteral("add up");
    QTest::newRow("text of 255 bytes") << QByteArray::fromHex("00ff0000") + text.left(255)
                                       << QStringLiteral("255 bytes");
    Fields unknown = cardbytes::resident();
    unknown.append({248, QByteArray::fromHex("5800")}); // 'X'
    QTest::newRow("unknown card type") << QByteArray::fromHex("01000000") + cardbytes::textBlock(unknown)
                                       << QStringLiteral("U+0058");
    QTest::newRow("no ID number") << QByteArray::fromHex("01000000") + cardbytes::textBlock({})
                                  << QStringLiteral("no ID number");
    QTest::newRow("photo of 512 bytes") << QByteArray::fromHex("01000200") + text + QByteArray(512, 'p')
                                        << QStringLiteral("512 bytes");
}

void TestCardDecoder::rejects()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, problem);
    const auto card = CardDecoder::decodeReadData(data);
    QVERIFY(!card.ok());
    QVERIFY2(card.error().contains(problem), qPrintable(card.error()));
}

void TestCardDecoder::masking()
{
    const auto card = CardDecoder::decodeReadFrame(cardbytes::readResponse1295());
    QVERIFY(card.ok());
    const IdCardData m = card->masked();
    QCOMPARE(m.idNumber, QStringLiteral("330106********0014"));
    QCOMPARE(m.name, QStringLiteral("王**"));
    QVERIFY(!m.address.contains(QStringLiteral("文三路")));
    QVERIFY(m.photoWlt.isEmpty());
    QVERIFY(!m.birthDate.isValid());
    const auto masked = ow::idcard::IdCardText::fields(card.value(), false, QDate(2026, 1, 1));
    for (const auto &f : masked)
        QVERIFY2(!f.second.contains(QStringLiteral("330106199003070014")), qPrintable(f.first));
    bool sawFull = false;
    for (const auto &f : ow::idcard::IdCardText::fields(card.value(), true, QDate(2026, 1, 1)))
        sawFull = sawFull || f.second == QStringLiteral("330106199003070014");
    QVERIFY(sawFull);
}

// The 'I' card names no issuing authority; its issuer is national and follows from the issue date.
void TestCardDecoder::foreignerCardIssuer_data()
{
    QTest::addColumn<QString>("issued");
    QTest::addColumn<QString>("authority");
    const QString mps = QStringLiteral("中华人民共和国公安部");
    const QString nia = QStringLiteral("国家移民管理局");
    QTest::newRow("2017") << "20170315" << mps;
    QTest::newRow("the day before the NIA") << "20180401" << mps;
    QTest::newRow("the NIA's first day") << "20180402" << nia;
    QTest::newRow("2020") << "20200101" << nia;
}

void TestCardDecoder::foreignerCardIssuer()
{
    QFETCH(QString, issued);
    QFETCH(QString, authority);
    const auto card = CardDecoder::decodeText(cardbytes::textBlock(with(foreignPermanent(), 188, issued)));
    QVERIFY2(card.ok(), qPrintable(card.error()));
    QCOMPARE(card->authority, authority);
    QCOMPARE(card->acceptingAuthorityCode, QStringLiteral("1500"));
    const auto fields = ow::idcard::IdCardText::fields(card.value(), false, QDate(2026, 1, 1));
    for (const auto &f : fields)
        QVERIFY2(f.first != QLatin1String("authority") || f.second == authority, qPrintable(f.second));
}

// Implausible card data is decoded with warnings the clerk sees, never silently.
void TestCardDecoder::sanity_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("warning"); // part of a warning, empty: none at all
    QTest::addColumn<bool>("numberInvalid");
    QTest::addColumn<int>("field"); // offset of a text field to compare
    QTest::addColumn<QString>("value");
    const Fields resident = cardbytes::resident();
    QTest::newRow("sound resident card") << cardbytes::textBlock(resident) << QString() << false << 0
                                         << QStringLiteral("王小明");
    QTest::newRow("sound I card") << cardbytes::textBlock(foreignPermanent()) << QString() << false << 0
                                  << QStringLiteral("SMITH, JOHN");
    QTest::newRow("wrong check digit") << cardbytes::textBlock(
        with(resident, 122, QStringLiteral("330106199003070015")))
                                       << QStringLiteral("GB 11643") << true << 0 << QStringLiteral("王小明");
    QTest::newRow("13th month") << cardbytes::textBlock(with(resident, 36, QStringLiteral("19901332")))
                                << QStringLiteral("birth date on the card is not a real date") << false << 0
                                << QStringLiteral("王小明");
    QTest::newRow("30 February") << cardbytes::textBlock(with(resident, 36, QStringLiteral("19900230")))
                                 << QStringLiteral("not a real date") << false << 0 << QStringLiteral("王小明");
    QTest::newRow("birth date differs from the number")
        << cardbytes::textBlock(with(resident, 36, QStringLiteral("19900308"))) << QStringLiteral("differs") << false
        << 0 << QStringLiteral("王小明");
    QTest::newRow("validity ends before it starts")
        << cardbytes::textBlock(with(with(resident, 188, QStringLiteral("20300101")), 204, QStringLiteral("20200101")))
        << QStringLiteral("ends before it starts") << false << 0 << QStringLiteral("王小明");
    QTest::newRow("right-to-left override in the name")
        << cardbytes::textBlock(with(resident, 0, QStringLiteral("王\u202E小明"))) << QStringLiteral("text-direction")
        << false << 0 << QStringLiteral("王小明");
    QTest::newRow("bidi isolate and zero-width joiner")
        << cardbytes::textBlock(with(resident, 0, QStringLiteral("\u2067王小\u200D明\u2069")))
        << QStringLiteral("3 control or text-direction") << false << 0 << QStringLiteral("王小明");
    QTest::newRow("escape and newline in the address")
        << cardbytes::textBlock(with(resident, 52, QStringLiteral("浙江省\u001B[2J杭州市\n西湖区")))
        << QStringLiteral("address") << false << 52 << QStringLiteral("浙江省[2J杭州市西湖区");
    QTest::newRow("I card: permit number with a letter among the digits")
        << cardbytes::textBlock(with(foreignPermanent(), 122, QStringLiteral("USA31008021500X")))
        << QStringLiteral("permit number") << true << 0 << QStringLiteral("SMITH, JOHN");
    QTest::newRow("I card: right-to-left override in the English name")
        << cardbytes::textBlock(with(foreignPermanent(), 0, QStringLiteral("SMITH,\u202E NHOJ")))
        << QStringLiteral("English name") << false << 0 << QStringLiteral("SMITH, NHOJ");
}

void TestCardDecoder::sanity()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, warning);
    QFETCH(bool, numberInvalid);
    QFETCH(int, field);
    QFETCH(QString, value);
    const auto card = CardDecoder::decodeText(text);
    QVERIFY2(card.ok(), qPrintable(card.error()));
    const QString all = card->warnings.join(QStringLiteral(" | "));
    if (warning.isEmpty())
        QVERIFY2(card->warnings.isEmpty(), qPrintable(all));
    else
        QVERIFY2(all.contains(warning), qPrintable(all));
    QCOMPARE(card->numberInvalid, numberInvalid);
    const QString decoded =
        field == 52 ? card->address : (card->type == CardType::ForeignPermanent ? card->englishName : card->name);
    QCOMPARE(decoded, value);
    // Whatever was in the fields, nothing that steers or controls text is left in them.
    for (const QString &f : {card->name, card->englishName, card->address, card->authority}) {
        for (const QChar c : f)
            QVERIFY2(c.category() != QChar::Other_Format && c.category() != QChar::Other_Control,
                qPrintable(QString::number(c.unicode(), 16)));
    }
    // The warnings reach the command-line tool as well.
    const auto json = ow::idcard::IdCardText::toJson(card.value(), false, QDate(2026, 1, 1));
    QCOMPARE(json.value(QStringLiteral("warnings")).toArray().size(), card->warnings.size());
}

// A foreigner's card is masked as everywhere else (the number once had two masks), and a long
// English name stays in words, so that it wraps on a narrow screen.
void TestCardDecoder::maskingForeigner()
{
    IdCardData c;
    c.type = ow::idcard::CardType::ForeignPermanent;
    c.englishName = QStringLiteral("MARTIN, MARIE CLAIRE");
    c.idNumber = QStringLiteral("USA310080215001");
    const IdCardData m = c.masked();
    QCOMPARE(m.englishName, QStringLiteral("M****** M**** C*****"));
    QCOMPARE(m.idNumber, QStringLiteral("USA********5001"));
}

QTEST_GUILESS_MAIN(TestCardDecoder)

#include "tst_carddecoder.moc"
