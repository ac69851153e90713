#include "onewindow/printer/EscPosDocument.h"
#include "onewindow/receipt/TextWrap.h"

#include <QTest>

using ow::receipt::TextWrap;

namespace {

// Slip columns: 1 for ASCII, 2 for Chinese (the printer's font A grid).
qreal columns(const QString &s)
{
    qreal n = 0;
    for (const QChar c : s)
        n += c.isLowSurrogate() ? 0 : ow::printer::EscPosDocument::columnsOf(c);
    return n;
}

QStringList L(std::initializer_list<const char *> lines)
{
    QStringList out;
    for (const char *l : lines)
        out << QString::fromUtf8(l);
    return out;
}

} // namespace

class TestTextWrap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wrap_data();
    void wrap();
    void neverBreaksTokens_data();
    void neverBreaksTokens();
};

void TestTextWrap::wrap_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("width");
    QTest::addColumn<QStringList>("lines");
    QTest::newRow("fits") << "受理回执" << 32 << 32 << L({"受理回执"});
    QTest::newRow("chinese breaks between characters") << "一二三四五六" << 8 << 8 << L({"一二三四", "五六"});
    // 10 columns: "一二三四，" would end at 10, so the comma stays with 四 even when 四 must move.
    QTest::newRow("no line starts with a comma") << "一二三四五，六七" << 10 << 10 << L({"一二三四", "五，六七"});
    QTest::newRow("no line starts with a full stop") << "材料齐全。请核对" << 8 << 8 << L({"材料齐", "全。请核", "对"});
    QTest::newRow("opening bracket stays with what follows") << "一二三（四）" << 8 << 8 << L({"一二三", "（四）"});
    QTest::newRow("case number after a label moves whole")
        << "330106-W03-20261127-0001" << 22 << 32
        << QStringList {QString(), QStringLiteral("330106-W03-20261127-0001")};
    QTest::newRow("a number keeps its measure word") << "收复印件 1 份" << 10 << 10 << L({"收复印件", "1 份"});
    QTest::newRow("number and measure word without a space") << "收复印件1份" << 9 << 9 << L({"收复印件", "1份"});
    QTest::newRow("date stays whole") << "补交截止2026年12月4日" << 16 << 32 << L({"补交截止", "2026年12月4日"});
    QTest::newRow("english at spaces") << "Bring the original" << 10 << 10 << L({"Bring the", "original"});
    QTest::newRow("too long token is cut") << "ABCDEFGHIJKL" << 5 << 5 << L({"ABCDE", "FGHIJ", "KL"});
    QTest::newRow("paragraphs") << "一\n二" << 8 << 8 << L({"一", "二"});
}

void TestTextWrap::wrap()
{
    QFETCH(QString, text);
    QFETCH(int, first);
    QFETCH(int, width);
    QFETCH(QStringList, lines);
    QCOMPARE(TextWrap::wrap(text, first, width, columns), lines);
}

void TestTextWrap::neverBreaksTokens_data()
{
    QTest::addColumn<int>("width");
    QTest::newRow("58 mm") << 32;
    QTest::newRow("80 mm") << 48;
    QTest::newRow("58 mm, double size") << 16;
}

void TestTextWrap::neverBreaksTokens()
{
    QFETCH(int, width);
    const QString caseNumber = QStringLiteral("330106-W03-20261127-0001");
    const QString text = QStringLiteral("案件编号%1已受理，请于2026年12月4日前补交住所使用证明，收复印件 1 份；"
                                        "身份证号330106********123X，电话0571-12345。")
                             .arg(caseNumber);
    for (int first = 0; first <= width; first += 3) {
        const QStringList lines = TextWrap::wrap(text, first, width, columns);
        QString joined = lines.join(QString());
        QCOMPARE(joined.remove(u' '), QString(text).remove(u' ')); // nothing lost, nothing added
        const bool tokensFit = width >= int(caseNumber.size());
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QString &l = lines.at(i);
            QVERIFY2(columns(l) <= (i == 0 ? first : width), qPrintable(l));
            if (!l.isEmpty())
                QVERIFY2(!TextWrap::isClosing(l.front()), qPrintable(l));
            QVERIFY2(!l.startsWith(QStringLiteral("份")) && !l.startsWith(QStringLiteral(" ")), qPrintable(l));
        }
        if (tokensFit) {
            for (const QString &token : {caseNumber, QStringLiteral("2026年12月4日"),
                     QStringLiteral("330106********123X"), QStringLiteral("0571-12345")}) {
                QVERIFY2(std::any_of(lines.cbegin(), lines.cend(), [&](const QString &l) { return l.contains(token); }),
                    qPrintable(token + QStringLiteral(" is broken: ") + lines.join(u'|')));
            }
        }
    }
}

QTEST_APPLESS_MAIN(TestTextWrap)
#include "tst_textwrap.moc"
