// onewindow-tool devices list / idcard read / idcard decode as a child process. The child
// inherits the umockdev environment, so it finds the simulated reader of this test process.
#include "onewindow/devicesim/IdCardReaderSim.h"
#include "onewindow/devicesim/TestMain.h"
#include "onewindow/devicesim/UsbTestbed.h"
#include "onewindow/idcard/SamCodec.h"
#include "onewindow/testsupport/ProcessRun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using ow::devicesim::IdCardReaderSim;
using ow::devicesim::SimIdCard;

namespace {

using Run = ow::testsupport::ProcessRun;

} // namespace

class TestIdCardTool : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void devicesListEmpty();
    void devicesListJson();
    void readMaskedAndFull();
    void readWithoutCard();
    void decode_data();
    void decode();

private:
    Run run(const QStringList &args);
    QString frameFile(const QString &name, const QByteArray &bytes);

    ow::devicesim::UsbTestbed *m_testbed = nullptr;
    QTemporaryDir m_dir;
};

void TestIdCardTool::initTestCase()
{
    m_testbed = new ow::devicesim::UsbTestbed(this);
    QVERIFY2(m_testbed->isValid(), qPrintable(m_testbed->error()));
    QVERIFY(m_dir.isValid());
}

Run TestIdCardTool::run(const QStringList &args)
{
    return ow::testsupport::runProcessServingEvents(QStringLiteral(OW_TOOL), args);
}

QString TestIdCardTool::frameFile(const QString &name, const QByteArray &bytes)
{
    QFile f(m_dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(bytes);
    return f.fileName();
}

void TestIdCardTool::devicesListEmpty()
{
    const Run r = run({QStringLiteral("devices"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject root = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QVERIFY(root.contains(QStringLiteral("devices")));
    QCOMPARE(root.value(QStringLiteral("devices")).toArray().size(), 0);
    const Run text = run({QStringLiteral("devices"), QStringLiteral("list")});
    QCOMPARE(text.exitCode, 0);
    QCOMPARE(text.out, QStringLiteral("no USB devices attached\n"));
}

void TestIdCardTool::devicesListJson()
{
    IdCardReaderSim reader;
    QVERIFY(!m_testbed->plug(&reader).isEmpty());
    const Run r = run({QStringLiteral("devices"), QStringLiteral("list"), QStringLiteral("--json")});
    m_testbed->unplug(&reader);
    QCOMPARE(r.exitCode, 0);
    const QJsonArray devices =
        QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("devices")).toArray();
    QCOMPARE(devices.size(), 1);
    const QJsonObject d = devices.first().toObject();
    QCOMPARE(d.value(QStringLiteral("vid_pid")).toString(), QStringLiteral("0400:c35a"));
    QCOMPARE(d.value(QStringLiteral("driver")).toString(), QStringLiteral("idcard"));
    QVERIFY(d.value(QStringLiteral("access_problem")).isNull());
    QCOMPARE(
        d.value(QStringLiteral("interfaces")).toArray().first().toObject().value(QStringLiteral("endpoints")).toArray(),
        QJsonArray({QStringLiteral("0x01"), QStringLiteral("0x81")}));
}

void TestIdCardTool::readMaskedAndFull()
{
    IdCardReaderSim reader(IdCardReaderSim::Transport::SplitPipe);
    reader.putDemoCard(SimIdCard::Type::Resident);
    QVERIFY(!m_testbed->plug(&reader).isEmpty());
    const QString number = SimIdCard::demo(SimIdCard::Type::Resident).field(122);
    const Run masked = run({QStringLiteral("idcard"), QStringLiteral("read")});
    const Run full = run(
        {QStringLiteral("idcard"), QStringLiteral("read"), QStringLiteral("--full"), QStringLiteral("--fingerprint")});
    m_testbed->unplug(&reader);
    QCOMPARE(masked.exitCode, 0);
    QVERIFY2(
        masked.out.contains(number.left(6) + QStringLiteral("********") + number.right(4)), qPrintable(masked.out));
    QVERIFY(!masked.out.contains(number));
    QVERIFY(masked.out.contains(QStringLiteral("(masked")));
    QCOMPARE(full.exitCode, 0);
    QVERIFY2(full.out.contains(number), qPrintable(full.out));
    QVERIFY(full.out.contains(QStringLiteral("王小明")));
    QVERIFY(full.out.contains(QStringLiteral("fingerprint:      1024 bytes")));
}

void TestIdCardTool::readWithoutCard()
{
    IdCardReaderSim reader;
    QVERIFY(!m_testbed->plug(&reader).isEmpty());
    const Run r = run({QStringLiteral("idcard"), QStringLiteral("read")});
    m_testbed->unplug(&reader);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("no card on the reader")), qPrintable(r.err));
    const Run none =
        run({QStringLiteral("idcard"), QStringLiteral("read"), QStringLiteral("--timeout"), QStringLiteral("300")});
    QCOMPARE(none.exitCode, 1);
    QVERIFY2(none.err.contains(QStringLiteral("no ID card reader found")), qPrintable(none.err));
}

void TestIdCardTool::decode_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("absent");
    const SimIdCard card = SimIdCard::demo(SimIdCard::Type::HkMacaoTaiwan);
    QByteArray data = QByteArray::fromHex("01000400") + card.textBlock() + card.photo;
    const QByteArray frame = IdCardReaderSim::responseFrame(0x90, data);
    QCOMPARE(frame.size(), 1295);
    const QString number = card.field(122);
    QTest::newRow("masked") << frame << QStringList() << 0 << QStringLiteral("810000********") << number;
    QTest::newRow("full") << frame << QStringList {QStringLiteral("--full")} << 0 << number << QString();
    QTest::newRow("json") << frame << QStringList {QStringLiteral("--json")} << 0 << QStringLiteral("\"type\": \"J\"")
                          << number;
    QTest::newRow("expired is flagged") << frame << QStringList {QStringLiteral("--json")} << 0
                                        << QStringLiteral("\"expired\": true") << QString();
    QByteArray bad = frame;
    bad[500] = char(bad.at(500) ^ 1);
    QTest::newRow("bad checksum") << bad << QStringList() << 1 << QStringLiteral("checksum") << QString();
    QTest::newRow("truncated") << frame.left(700) << QStringList() << 1 << QStringLiteral("truncated") << QString();
    QTest::newRow("not a frame") << QByteArray("hello") << QStringList() << 1 << QStringLiteral("too short")
                                 << QString();
    QTest::newRow("SAM error") << IdCardReaderSim::responseFrame(0x41, {}) << QStringList() << 1
                               << QStringLiteral("0x41") << QString();
}

void TestIdCardTool::decode()
{
    QFETCH(QByteArray, frame);
    QFETCH(QStringList, options);
    QFETCH(int, code);
    QFETCH(QString, expected);
    QFETCH(QString, absent);
    const QString file = frameFile(QStringLiteral("frame.bin"), frame);
    const Run r = run(QStringList {QStringLiteral("idcard"), QStringLiteral("decode"), file} + options);
    QCOMPARE(r.exitCode, code);
    const QString all = r.out + r.err;
    QVERIFY2(all.contains(expected), qPrintable(all));
    if (!absent.isEmpty())
        QVERIFY2(!all.contains(absent), qPrintable(all));
}

OW_DEVICESIM_TEST_MAIN(TestIdCardTool)

#include "tst_idcardtool.moc"
