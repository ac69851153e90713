#include "onewindow/catalog/Catalog.h"
#include "onewindow/catalog/CatalogSearch.h"
#include "onewindow/catalog/PinyinTable.h"

#include <QStringDecoder>
#include <QTest>

// The pinyin table and the search built on it, against the demo catalogue.
class TestCatalogSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tableCoversGb2312();
    void syllables_data();
    void syllables();
    void search_data();
    void search();
    void rankingPutsBundlesFirst();
    void limitAndEmptyQuery();
    void badTablesAreRejected();

private:
    ow::Catalog m_catalog;
};

void TestCatalogSearch::initTestCase()
{
    const auto c = ow::Catalog::load(ow::Catalog::builtinPath());
    QVERIFY2(c.ok(), qPrintable(c.error()));
    m_catalog = c.value();
    QVERIFY2(ow::PinyinTable::builtin().ok(), qPrintable(ow::PinyinTable::builtin().error()));
}

void TestCatalogSearch::tableCoversGb2312()
{
    const ow::PinyinTable &t = ow::PinyinTable::builtin().value();
    QCOMPARE(t.characterCount(), 6763);
    // Every GB2312 hanzi of levels 1 and 2 (rows 16–87) has a reading.
    QStringDecoder gb2312("GB2312");
    if (!gb2312.isValid()) {
        QTest::qSkip("this Qt has no GB2312 codec (ICU); the generator checks coverage instead", __FILE__, __LINE__);
        return;
    }
    int checked = 0;
    for (int row = 16; row <= 87; ++row) {
        for (int cell = 1; cell <= 94; ++cell) {
            const char bytes[2] = {char(0xA0 + row), char(0xA0 + cell)};
            const QString ch = gb2312.decode(QByteArrayView(bytes, 2));
            if (ch.size() != 1 || ch.at(0).unicode() < 0x4E00 || ch.at(0).unicode() > 0x9FFF)
                continue; // unassigned cells at the end of row 55
            QVERIFY2(!t.syllable(ch.at(0)).isEmpty(), qPrintable(ch));
            ++checked;
        }
    }
    QCOMPARE(checked, 6763);
}

void TestCatalogSearch::syllables_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QStringLiteral("开餐馆") << QStringLiteral("kai can guan");
    QTest::newRow("银行 hang") << QStringLiteral("银行账户") << QStringLiteral("yin hang zhang hu");
    QTest::newRow("行 xing elsewhere") << QStringLiteral("行政许可") << QStringLiteral("xing zheng xu ke");
    QTest::newRow("重新 chong") << QStringLiteral("重新申领") << QStringLiteral("chong xin shen ling");
    QTest::newRow("重 zhong alone") << QStringLiteral("重大") << QStringLiteral("zhong da");
    QTest::newRow("还款 huan") << QStringLiteral("还款") << QStringLiteral("huan kuan");
    QTest::newRow("长 zhang / chang") << QStringLiteral("院长长期") << QStringLiteral("yuan zhang chang qi");
    QTest::newRow("调档 diao") << QStringLiteral("调档") << QStringLiteral("diao dang");
    QTest::newRow("会计 kuai") << QStringLiteral("会计") << QStringLiteral("kuai ji");
    QTest::newRow("场所 chang") << QStringLiteral("经营场所") << QStringLiteral("jing ying chang suo");
    QTest::newRow("ascii runs and punctuation") << QStringLiteral("4S店（新办）") << QStringLiteral("4s dian xin ban");
}

void TestCatalogSearch::syllables()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(ow::PinyinTable::builtin()->syllables(text).join(u' '), expected);
}

void TestCatalogSearch::search_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("firstId");
    QTest::addColumn<int>("firstRank"); // 0 exact, 1 prefix, 2 substring

    QTest::newRow("initials kcg") << QStringLiteral("kcg") << QStringLiteral("open-restaurant") << 0;
    QTest::newRow("initials prefix kc") << QStringLiteral("kc") << QStringLiteral("open-restaurant") << 1;
    QTest::newRow("full pinyin") << QStringLiteral("kaicanguan") << QStringLiteral("open-restaurant") << 0;
    QTest::newRow("full pinyin with spaces")
        << QStringLiteral("kai can guan") << QStringLiteral("open-restaurant") << 0;
    QTest::newRow("mixed full and initials") << QStringLiteral("kaicg") << QStringLiteral("open-restaurant") << 0;
    QTest::newRow("upper case") << QStringLiteral("KCS") << QStringLiteral("open-supermarket") << 0;
    QTest::newRow("chinese exact") << QStringLiteral("开超市") << QStringLiteral("open-supermarket") << 0;
    QTest::newRow("chinese prefix of an alias") << QStringLiteral("超市") << QStringLiteral("open-supermarket") << 1;
    QTest::newRow("chinese substring") << QStringLiteral("餐馆") << QStringLiteral("open-restaurant") << 2;
    QTest::newRow("pinyin substring") << QStringLiteral("canguan") << QStringLiteral("open-restaurant") << 2;
    QTest::newRow("alias") << QStringLiteral("营业执照") << QStringLiteral("330106-XK-AMR-001") << 0;
    QTest::newRow("code exact") << QStringLiteral("330106-XK-FIRE-001") << QStringLiteral("330106-XK-FIRE-001") << 0;
    QTest::newRow("code lower case") << QStringLiteral("330106-xk-fire-001") << QStringLiteral("330106-XK-FIRE-001")
                                     << 0;
    QTest::newRow("bundle id") << QStringLiteral("buy-second-hand-home") << QStringLiteral("buy-second-hand-home") << 0;
    QTest::newRow("pinyin prefix of an alias")
        << QStringLiteral("gongjijin") << QStringLiteral("330106-JF-FUND-001") << 1;
    QTest::newRow("polyphone in a matter: 场所 chang suo")
        << QStringLiteral("ggcsws") << QStringLiteral("330106-XK-HEALTH-001") << 1;
    QTest::newRow("no match") << QStringLiteral("xyzzy") << QString() << -1;
}

void TestCatalogSearch::search()
{
    QFETCH(QString, query);
    QFETCH(QString, firstId);
    QFETCH(int, firstRank);
    const ow::CatalogSearch s(m_catalog, ow::PinyinTable::builtin().value());
    const auto hits = s.search(query, 10);
    if (firstId.isEmpty()) {
        QVERIFY(hits.isEmpty());
        return;
    }
    QVERIFY(!hits.isEmpty());
    QCOMPARE(hits.first().id, firstId);
    QCOMPARE(int(hits.first().rank), firstRank);
    for (qsizetype i = 1; i < hits.size(); ++i)
        QVERIFY(hits.at(i - 1).rank <= hits.at(i).rank);
}

void TestCatalogSearch::rankingPutsBundlesFirst()
{
    const ow::CatalogSearch s(m_catalog, ow::PinyinTable::builtin().value());
    // "退休": the bundle 退休 (exact), then matters containing 退休 (substring).
    auto hits = s.search(QStringLiteral("退休"), 20);
    QVERIFY(hits.size() >= 3);
    QCOMPARE(hits.first().kind, ow::CatalogSearch::Hit::Kind::Bundle);
    QCOMPARE(hits.first().id, QStringLiteral("retirement"));
    // "tx" (initials of 退休): within one rank, the bundle comes before any matter.
    hits = s.search(QStringLiteral("tx"), 20);
    QVERIFY(!hits.isEmpty());
    QCOMPARE(hits.first().kind, ow::CatalogSearch::Hit::Kind::Bundle);
    bool seenMatter = false;
    for (const auto &h : hits) {
        if (h.rank != hits.first().rank)
            break;
        if (h.kind == ow::CatalogSearch::Hit::Kind::Matter)
            seenMatter = true;
        else
            QVERIFY2(!seenMatter, "a bundle ranked after a matter of the same rank");
    }
}

void TestCatalogSearch::limitAndEmptyQuery()
{
    const ow::CatalogSearch s(m_catalog, ow::PinyinTable::builtin().value());
    QCOMPARE(s.size(), m_catalog.bundles().size() + m_catalog.matters().size());
    QVERIFY(s.search(QStringLiteral("  "), 10).isEmpty());
    QCOMPARE(s.search(QStringLiteral("330106"), 5).size(), 5);
    QVERIFY(s.search(QStringLiteral("330106"), 0).isEmpty());
}

void TestCatalogSearch::badTablesAreRejected()
{
    QVERIFY(!ow::PinyinTable::fromText("kai\n", {}).ok());
    QVERIFY(!ow::PinyinTable::fromText("Kai\t开\n", {}).ok());
    QVERIFY(!ow::PinyinTable::fromText("kai\tA\n", {}).ok());
    QVERIFY(!ow::PinyinTable::fromText("kai\t开\n", "开餐馆 kai can\n").ok());
    const auto ok = ow::PinyinTable::fromText("# comment\nkai\t开凯\n", "开 qi\n");
    QVERIFY(ok.ok());
    QCOMPARE(ok->characterCount(), 2);
    QCOMPARE(ok->syllables(QStringLiteral("开凯")).join(u' '), QStringLiteral("qi kai"));
}

QTEST_GUILESS_MAIN(TestCatalogSearch)
#include "tst_catalogsearch.moc"
