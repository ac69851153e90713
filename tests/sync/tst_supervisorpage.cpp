// The 督办 section (issue 24) offscreen against a real back office (admin seed-demo): a day built
// through the real workflows — tickets issued, called, served and finished through the queue's
// routes as the demo clerk; cases accepted with the IntakeWorkflow and synced by the window's
// engine; the applicant's bad rating sealed as the rating screen seals it and synced; the clerk's
// appeal through its route — and the section's figures compared with what was done. Also: the
// appeal decided from the section, the CSV read back, the PDF's text (pdftotext), the charts
// plugin loaded on first show, and a supervisor without windows told why. OW_SCREENSHOTS=dir saves
// zh_CN screenshots of the section and the report's pages.
#include "DemoWindow.h"
#include "SyncFixture.h"

#include "onewindow/account/SyncLink.h"
#include "onewindow/catalog/Catalog.h"
#include "onewindow/core/Clock.h"
#include "onewindow/core/DemoAccounts.h"
#include "onewindow/core/WorkCalendar.h"
#include "onewindow/i18n/Language.h"
#include "onewindow/intake/CaseService.h"
#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/receipt/KeyRing.h"
#include "onewindow/receipt/Rating.h"
#include "onewindow/receipt/WindowKey.h"
#include "onewindow/store/CaseLog.h"
#include "onewindow/store/Store.h"
#include "onewindow/sync/OverviewCsv.h"
#include "onewindow/sync/SupervisorService.h"
#include "onewindow/sync/SyncJournal.h"
#include "onewindow/sync/SyncService.h"
#include "onewindow/testsupport/RestaurantVisit.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/RatingPrompt.h"
#include "onewindow/ui/SupervisorPage.h"

#include <QApplication>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using ow::core::DemoAccounts;
using ow::intake::IntakeWorkflow;
using ow::ui::SupervisorPage;

namespace {

constexpr int kWait = 30000;
const QString kSupervisor = QStringLiteral("sup-li");
const QString kLonely = QStringLiteral("sup-none");
const QString kPassword = QStringLiteral("a supervisor's password");

// RFC 4180 fields of a CSV text (quoted fields with "" inside; CRLF between records).
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row << field;
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            row << field;
            rows << row;
            row.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return rows;
}

QString cellText(QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text() : QString();
}

int rowOf(QTableWidget *table, int column, const QString &contains)
{
    for (int r = 0; r < table->rowCount(); ++r) {
        if (cellText(table, r, column).contains(contains))
            return r;
    }
    return -1;
}

} // namespace

class TestSupervisorPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theDayAsTheSupervisorSeesIt();
    void todayIsTheCentresDayWhateverThePcsClock();
    void aBadRatingWithItsDeadline();
    void anAppealDecidedFromTheSection();
    void csvOpensAsUtf8WithItsColumns();
    void dailyReportReadsBack();
    void chartsLoadOnFirstShow();
    void aSupervisorWithoutWindowsIsTold();
    void staleFiguresKeepTheirAge(); // last: it stops the back office
    void cleanupTestCase();

private:
    QString admin(const QStringList &args, const QByteArray &input = {});
    QByteArray token(const QString &user, const QString &password);
    QJsonObject call(const QByteArray &method, const QString &path, const QJsonObject &body, const QByteArray &token);
    QString makeCase();
    bool synced();
    std::unique_ptr<SupervisorPage> page(const QString &user);
    bool refreshed(SupervisorPage &page);
    void screenshots(const QString &dir);

    QTemporaryDir m_dir;
    synctest::DemoWindow m_demo;
    ow::ui::ClientContext m_context;
    std::unique_ptr<ow::sync::SupervisorService> m_service;
    QStringList m_cases; // ids
    QStringList m_numbers; // case numbers
    QString m_served; // the ticket number being served now
    QString m_appealedCase;
    QString m_csvPath;
};

QString TestSupervisorPage::admin(const QStringList &args, const QByteArray &input)
{
    QProcess p;
    p.start(synctest::backOfficeBinary(),
        QStringList {QStringLiteral("admin")} + args + QStringList {QStringLiteral("--data-dir"), m_demo.serverDir});
    if (!p.waitForStarted(10000))
        return p.errorString();
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return QString::fromUtf8(p.readAllStandardError());
    return QString();
}

QByteArray TestSupervisorPage::token(const QString &user, const QString &password)
{
    const QJsonObject body {{QStringLiteral("name"), user}, {QStringLiteral("password"), password}};
    const auto r = synctest::http(m_demo.server.port(), "POST", QStringLiteral("/v1/sessions"),
        QJsonDocument(body).toJson(QJsonDocument::Compact), {{"Content-Type", "application/json"}});
    return QJsonDocument::fromJson(r.body).object().value(QLatin1String("token")).toString().toLatin1();
}

QJsonObject TestSupervisorPage::call(
    const QByteArray &method, const QString &path, const QJsonObject &body, const QByteArray &bearer)
{
    const auto r = synctest::http(m_demo.server.port(), method, path,
        body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact),
        {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + bearer}});
    if (r.status >= 400 || r.status == 0)
        QTest::qFail(qPrintable(QStringLiteral("%1 %2: %3 %4")
                                    .arg(QString::fromLatin1(method), path)
                                    .arg(r.status)
                                    .arg(QString::fromUtf8(r.body))),
            __FILE__, __LINE__);
    return QJsonDocument::fromJson(r.body).object();
}

void TestSupervisorPage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString seeded = m_demo.seed(m_dir.path());
    QVERIFY2(seeded.isEmpty(), qPrintable(seeded));
    // 李 supervises the demo window; another supervisor has no window yet.
    QString err = admin({QStringLiteral("add-user"), QStringLiteral("--name"), kSupervisor, QStringLiteral("--role"),
                            QStringLiteral("supervisor"), QStringLiteral("--windows"), DemoAccounts::window()},
        kPassword.toUtf8() + '\n');
    QVERIFY2(err.isEmpty(), qPrintable(err));
    err = admin({QStringLiteral("add-user"), QStringLiteral("--name"), kLonely, QStringLiteral("--role"),
                    QStringLiteral("supervisor")},
        kPassword.toUtf8() + '\n');
    QVERIFY2(err.isEmpty(), qPrintable(err));
    const QString started = m_demo.start();
    QVERIFY2(started.isEmpty(), qPrintable(started));

    // The morning at the demo window: three tickets; the first served and done, the second being
    // served, the third waiting.
    const QByteArray clerk = token(DemoAccounts::clerk(), DemoAccounts::password());
    QVERIFY(!clerk.isEmpty());
    for (int i = 0; i < 3; ++i)
        call("POST", QStringLiteral("/v1/halls/%1/tickets").arg(DemoAccounts::hall()),
            {{QStringLiteral("category"), QStringLiteral("business")},
                {QStringLiteral("priority"), QStringLiteral("none")}},
            clerk);
    for (int i = 0; i < 2; ++i) {
        const QJsonObject called =
            call("POST", QStringLiteral("/v1/windows/%1/calls").arg(DemoAccounts::window()), {}, clerk);
        const QString id = called.value(QLatin1String("id")).toString();
        QVERIFY2(!id.isEmpty(), QJsonDocument(called).toJson().constData());
        call("POST", QStringLiteral("/v1/tickets/%1/serve").arg(id), {}, clerk);
        if (i == 0)
            call("POST", QStringLiteral("/v1/tickets/%1/done").arg(id), {}, clerk);
        else
            m_served = called.value(QLatin1String("number")).toString();
    }
    QVERIFY(!m_served.isEmpty());
    // Two cases accepted at the first visit, synced by the window's engine.
    for (int i = 0; i < 2; ++i) {
        const QString id = makeCase();
        QVERIFY(!id.isEmpty());
        m_cases << id;
    }
    QVERIFY(synced());
    for (const QString &id : std::as_const(m_cases)) {
        const auto state = ow::store::CaseLog(*m_demo.store).entries(id);
        QVERIFY(state);
    }

    m_context.calendar = *m_demo.calendar;
    m_context.window = m_demo.config;
    m_context.window.clerk = kSupervisor;
    m_context.role = QStringLiteral("supervisor");
    m_context.pluginDirs = {QStringLiteral(OW_PLUGIN_BUILD_DIR)};
    m_context.confirm = [](const QString &, const QString &) { return true; };
    m_service = std::make_unique<ow::sync::SupervisorService>(QUrl(m_demo.url), QByteArray());
    m_service->setCredentials(kSupervisor, kPassword);
    m_context.supervisor = m_service.get();
}

void TestSupervisorPage::cleanupTestCase()
{
    m_service.reset();
    m_demo.stop();
}

QString TestSupervisorPage::makeCase()
{
    IntakeWorkflow w(*m_demo.catalog, *m_demo.calendar, ow::Clock::system(), *m_demo.store, *m_demo.key, m_demo.config);
    if (const QString why = ow::testsupport::walkRestaurant(w, ow::testsupport::RestaurantVisit()); !why.isEmpty()) {
        QTest::qFail(qPrintable(why), __FILE__, __LINE__);
        return QString();
    }
    m_numbers << w.document().caseNumber;
    return w.caseId();
}

bool TestSupervisorPage::synced()
{
    m_demo.link->engine()->kick();
    ow::store::CaseLog log(*m_demo.store);
    return QTest::qWaitFor([&] { return log.pendingCount() == 0; }, kWait)
        && m_demo.link->engine()->status().conflicts.isEmpty();
}

std::unique_ptr<SupervisorPage> TestSupervisorPage::page(const QString &)
{
    auto p = std::make_unique<SupervisorPage>(m_context);
    p->resize(1366, 720);
    return p;
}

bool TestSupervisorPage::refreshed(SupervisorPage &p)
{
    QSignalSpy spy(&p, &SupervisorPage::refreshed);
    if (!p.isVisible()) {
        p.show();
        if (!QTest::qWaitForWindowExposed(&p))
            return false;
    } else {
        QTest::keyClick(&p, Qt::Key_F5);
    }
    if (!spy.wait(kWait))
        return false;
    return spy.last().at(0).toBool();
}

void TestSupervisorPage::theDayAsTheSupervisorSeesIt()
{
    auto p = page(kSupervisor);
    QVERIFY(refreshed(*p));
    auto *live = p->findChild<QTableWidget *>(QStringLiteral("liveTable"));
    QVERIFY(live);
    QCOMPARE(live->rowCount(), 1); // the supervised window only
    QVERIFY2(cellText(live, 0, 0).contains(DemoAccounts::window()), qPrintable(cellText(live, 0, 0)));
    QCOMPARE(cellText(live, 0, 1), DemoAccounts::clerk());
    QCOMPARE(cellText(live, 0, 2), m_served);
    QVERIFY(!cellText(live, 0, 3).isEmpty()); // for how long
    QCOMPARE(cellText(live, 0, 4), QStringLiteral("1")); // the third ticket waits

    // Outcomes of today: 2 tickets called, 2 cases accepted, both at the first visit.
    auto *windows = p->findChild<QTableWidget *>(QStringLiteral("windowOutcomeTable"));
    QVERIFY(windows);
    QCOMPARE(windows->rowCount(), 1);
    QCOMPARE(cellText(windows, 0, 2), QStringLiteral("2")); // tickets
    QCOMPARE(cellText(windows, 0, 6), QStringLiteral("2")); // accepted
    QCOMPARE(cellText(windows, 0, 7), QStringLiteral("0")); // 容缺
    QCOMPARE(cellText(windows, 0, 8), QStringLiteral("0")); // notices
    QCOMPARE(cellText(windows, 0, 9), QStringLiteral("0")); // refused
    QCOMPARE(cellText(windows, 0, 10), QStringLiteral("100.0%")); // one visit
    // The waits as the back office measured them, in minutes with one decimal.
    const auto &o = p->overview()->windowOutcomes.at(0);
    QVERIFY(o.avgWaitSeconds && o.p90WaitSeconds);
    QCOMPARE(cellText(windows, 0, 3), QString::number(*o.avgWaitSeconds / 60.0, 'f', 1));
    auto *clerks = p->findChild<QTableWidget *>(QStringLiteral("clerkOutcomeTable"));
    const int clerkRow = rowOf(clerks, 1, DemoAccounts::clerk());
    QVERIFY(clerkRow >= 0);
    QCOMPARE(cellText(clerks, clerkRow, 6), QStringLiteral("2"));
    // Today's series: one day.
    QCOMPARE(p->overview()->daily.size(), 1);
    QCOMPARE(p->overview()->daily.at(0).tickets, 2);
}

void TestSupervisorPage::todayIsTheCentresDayWhateverThePcsClock()
{
    // A PC whose clock or zone says it is still yesterday (CI in UTC after 16:00, a laptop set
    // wrong): "today" is the back office's day in China time, where the tickets were called.
    const QDateTime centre = QDateTime::currentDateTimeUtc().toOffsetFromUtc(8 * 3600);
    const ow::FixedClock yesterday(centre.addDays(-1));
    ow::ui::ClientContext context = m_context;
    context.clock = &yesterday;
    SupervisorPage p(context);
    p.resize(1366, 720);
    QVERIFY(refreshed(p));
    QCOMPARE(p.overview()->from, centre.date());
    QCOMPARE(p.findChild<QDateEdit *>(QStringLiteral("fromEdit"))->date(), centre.date());
    QCOMPARE(p.findChild<QDateEdit *>(QStringLiteral("toEdit"))->date(), centre.date());
    // The calendar line names the day the deadlines were counted from.
    const QString calendar = p.findChild<QLabel *>(QStringLiteral("calendarLabel"))->text();
    QVERIFY2(calendar.contains(QLocale().toString(centre.date(), QLocale::LongFormat)), qPrintable(calendar));
    auto *windows = p.findChild<QTableWidget *>(QStringLiteral("windowOutcomeTable"));
    QCOMPARE(cellText(windows, 0, 2), QStringLiteral("2")); // tickets
    QCOMPARE(cellText(windows, 0, 6), QStringLiteral("2")); // accepted

    // A period the supervisor picks is asked as picked; 今天 goes back to the centre's today.
    auto *from = p.findChild<QDateEdit *>(QStringLiteral("fromEdit"));
    from->setFocus();
    from->setDate(centre.date().addDays(-3));
    QSignalSpy spy(&p, &SupervisorPage::refreshed);
    QTest::keyClick(from, Qt::Key_Return); // editingFinished, as the supervisor's Enter gives it
    QVERIFY(spy.wait(kWait));
    QCOMPARE(p.overview()->from, centre.date().addDays(-3));
    QCOMPARE(p.overview()->to, centre.date());
    p.findChild<QPushButton *>(QStringLiteral("todayButton"))->click();
    QVERIFY(spy.wait(kWait));
    QCOMPARE(p.overview()->from, centre.date());
    QCOMPARE(from->date(), centre.date());
}

void TestSupervisorPage::aBadRatingWithItsDeadline()
{
    // The applicant of the first case rates the acceptance "very dissatisfied" on their screen:
    // sealed to the back office's rating key, logged and synced by the window.
    const auto keyring = synctest::http(m_demo.server.port(), "GET", QStringLiteral("/v1/keyring"));
    auto ring = ow::receipt::KeyRing::fromJson(keyring.body);
    QVERIFY2(ring, qPrintable(ring.error()));
    ow::receipt::Rating rating;
    rating.caseId = m_cases.at(0);
    rating.service = QStringLiteral("acceptance");
    rating.level = ow::receipt::Rating::Level::VeryDissatisfied;
    rating.reasons = {QStringLiteral("attitude")};
    rating.text = QStringLiteral("态度冷淡");
    rating.at = QDateTime::currentDateTimeUtc();
    // The second applicant too ("dissatisfied"): that one is not appealed.
    for (int i = 0; i < 2; ++i) {
        rating.caseId = m_cases.at(i);
        rating.level = i == 0 ? ow::receipt::Rating::Level::VeryDissatisfied : ow::receipt::Rating::Level::Dissatisfied;
        const auto payload = ow::ui::RatingPrompt::sealedPayload(rating, ring->ratingKey());
        QVERIFY2(payload, qPrintable(payload.error()));
        ow::intake::CaseService service(
            *m_demo.catalog, *m_demo.calendar, ow::Clock::system(), *m_demo.store, *m_demo.key, m_demo.config);
        QCOMPARE(service.open(m_cases.at(i), ow::sync::SyncJournal(*m_demo.store).remote(m_cases.at(i))), QString());
        QCOMPARE(service.recordRating(payload.value()), QString());
    }
    QVERIFY(synced());

    auto p = page(kSupervisor);
    QVERIFY(refreshed(*p));
    auto *bad = p->findChild<QTableWidget *>(QStringLiteral("badRatingTable"));
    QVERIFY(bad);
    const int row = rowOf(bad, 0, m_numbers.at(0));
    QVERIFY2(row >= 0, "the bad rating is listed");
    QCOMPARE(cellText(bad, row, 3), QStringLiteral("Very dissatisfied"));
    // Rectification due in 15 working days from the centre's today.
    const QDate today = QDateTime::currentDateTimeUtc().toOffsetFromUtc(8 * 3600).date();
    QCOMPARE(
        cellText(bad, row, 5), QLocale().toString(m_demo.calendar->addWorkingDays(today, 15), QLocale::ShortFormat));
    QCOMPARE(cellText(bad, row, 7), QStringLiteral("Not called back yet"));
    QCOMPARE(bad->rowCount(), 2);
    QCOMPARE(cellText(bad, rowOf(bad, 0, m_numbers.at(1)), 3), QStringLiteral("Dissatisfied"));
}

void TestSupervisorPage::anAppealDecidedFromTheSection()
{
    // The clerk appeals the rating (without reading it) through its route.
    const QByteArray clerk = token(DemoAccounts::clerk(), DemoAccounts::password());
    const auto entries = ow::store::CaseLog(*m_demo.store).entries(m_cases.at(0));
    QVERIFY(entries);
    int seq = -1;
    for (const auto &e : entries.value()) {
        if (e.kind == QLatin1String("rated"))
            seq = e.seq;
    }
    QVERIFY(seq > 0);
    const QJsonObject appealed =
        call("POST", QStringLiteral("/v1/cases/%1/ratings/%2/appeal").arg(m_cases.at(0)).arg(seq),
            {{QStringLiteral("reason"), QStringLiteral("申请人对排队时间不满，非窗口服务问题")}}, clerk);
    const QString appealId = appealed.value(QLatin1String("appeal")).toString();
    QVERIFY(!appealId.isEmpty());

    auto p = page(kSupervisor);
    QVERIFY(refreshed(*p));
    auto *appeals = p->findChild<QTableWidget *>(QStringLiteral("appealTable"));
    auto *remove = p->findChild<QPushButton *>(QStringLiteral("removeButton"));
    QVERIFY(appeals && remove);
    QCOMPARE(appeals->rowCount(), 1);
    QCOMPARE(cellText(appeals, 0, 0), m_numbers.at(0));
    QVERIFY(!remove->isEnabled()); // nothing chosen yet
    appeals->selectRow(0);
    QVERIFY(remove->isEnabled());
    QSignalSpy decided(p.get(), &SupervisorPage::appealDecided);
    QSignalSpy again(p.get(), &SupervisorPage::refreshed);
    QTest::mouseClick(remove, Qt::LeftButton);
    QVERIFY(decided.wait(kWait));
    QCOMPARE(decided.at(0).at(0).toString(), appealId);
    QCOMPARE(decided.at(0).at(1).toString(), QStringLiteral("removed"));
    // Refreshed after the decision: no appeal left, and the removed rating counts nowhere.
    QTRY_VERIFY_WITH_TIMEOUT(!again.isEmpty(), kWait);
    QVERIFY(again.last().at(0).toBool());
    QCOMPARE(appeals->rowCount(), 0);
    auto *bad = p->findChild<QTableWidget *>(QStringLiteral("badRatingTable"));
    QCOMPARE(rowOf(bad, 0, m_numbers.at(0)), -1);
    QVERIFY(rowOf(bad, 0, m_numbers.at(1)) >= 0); // the other one stands
    // At the back office: decided by the supervisor.
    const QJsonObject list = call("GET", QStringLiteral("/v1/ratings/appeals"), {}, token(kSupervisor, kPassword));
    bool found = false;
    for (const auto &v : list.value(QLatin1String("appeals")).toArray()) {
        const QJsonObject a = v.toObject();
        if (a.value(QLatin1String("appeal")).toString() == appealId) {
            found = true;
            QCOMPARE(a.value(QLatin1String("state")).toString(), QStringLiteral("removed"));
        }
    }
    QVERIFY(found);
}

void TestSupervisorPage::csvOpensAsUtf8WithItsColumns()
{
    m_csvPath = m_dir.filePath(QStringLiteral("督办.csv"));
    ow::ui::ClientContext context = m_context;
    context.askSavePath = [this](const QString &, const QString &name, const QString &) {
        return name.endsWith(QLatin1String(".csv")) ? m_csvPath : QString();
    };
    SupervisorPage p(context);
    QVERIFY(refreshed(p));
    QSignalSpy saved(&p, &SupervisorPage::saved);
    QTest::mouseClick(p.findChild<QPushButton *>(QStringLiteral("exportButton")), Qt::LeftButton);
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.at(0).at(1).toString(), QString());
    QFile file(m_csvPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    QVERIFY(bytes.endsWith("\r\n"));
    QVERIFY(!bytes.contains("\n\n") && bytes.count('\n') == bytes.count("\r\n"));
    const QString text = QString::fromUtf8(bytes.mid(3));
    QCOMPARE(text.toUtf8(), bytes.mid(3)); // valid UTF-8
    const QList<QStringList> rows = parseCsv(text);
    QCOMPARE(rows.size(), 1 + 1 + 1 + 1); // header, all, the window, the clerk
    QCOMPARE(rows.at(0), ow::sync::OverviewCsv::header());
    for (const QStringList &r : rows)
        QCOMPARE(r.size(), ow::sync::OverviewCsv::kColumns);
    const QStringList window = rows.at(2);
    QCOMPARE(window.at(1), DemoAccounts::window());
    QCOMPARE(window.at(6), QStringLiteral("2")); // tickets
    QCOMPARE(window.at(10), QStringLiteral("2")); // accepted
    QCOMPARE(window.at(16), QStringLiteral("100.0"));
    QCOMPARE(rows.at(3).at(3), DemoAccounts::clerk());
    const QString today = QDateTime::currentDateTimeUtc().toOffsetFromUtc(8 * 3600).date().toString(Qt::ISODate);
    QCOMPARE(window.at(4), today);
    QCOMPARE(window.at(5), today);
}

void TestSupervisorPage::dailyReportReadsBack()
{
    const QString pdfPath = m_dir.filePath(QStringLiteral("report.pdf"));
    ow::ui::ClientContext context = m_context;
    context.askSavePath = [pdfPath](const QString &, const QString &, const QString &) { return pdfPath; };
    SupervisorPage p(context);
    QVERIFY(refreshed(p));
    QSignalSpy saved(&p, &SupervisorPage::saved);
    QTest::mouseClick(p.findChild<QPushButton *>(QStringLiteral("reportButton")), Qt::LeftButton);
    QVERIFY(saved.wait(kWait));
    QCOMPARE(saved.at(0).at(1).toString(), QString());
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdfPath, QStringLiteral("-")});
    QVERIFY(text.waitForFinished(30000));
    QCOMPARE(text.exitCode(), 0);
    const QString out = QString::fromUtf8(text.readAllStandardOutput());
    for (const QString &expected : {QStringLiteral("Supervisor's daily report"), QStringLiteral("Outcomes per window"),
             QStringLiteral("Tickets called: 2"), QStringLiteral("Accepted 2"), m_served, DemoAccounts::clerk()})
        QVERIFY2(out.contains(expected), qPrintable(expected + QStringLiteral(" not in:\n") + out));
    QProcess info;
    info.start(QStringLiteral("pdfinfo"), {pdfPath});
    QVERIFY(info.waitForFinished(30000));
    QVERIFY(QString::fromUtf8(info.readAllStandardOutput()).contains(QStringLiteral("pts (A4)")));
    if (const QString dir = qEnvironmentVariable("OW_SCREENSHOTS"); !dir.isEmpty())
        screenshots(dir);
}

void TestSupervisorPage::chartsLoadOnFirstShow()
{
    auto p = page(kSupervisor);
    QVERIFY(refreshed(*p));
    QVERIFY(!p->chartsLoaded());
    QVERIFY(!p->findChild<QWidget *>(QStringLiteral("waitsChart")));
    auto *tabs = p->findChild<QTabWidget *>(QStringLiteral("sectionTabs"));
    tabs->setCurrentWidget(p->findChild<QWidget *>(QStringLiteral("chartsTab")));
    auto *status = p->findChild<QLabel *>(QStringLiteral("chartsStatusLabel"));
    QVERIFY2(p->chartsLoaded(), qPrintable(status->text()));
    QVERIFY(p->findChild<QWidget *>(QStringLiteral("waitsChart")));
    QVERIFY(p->findChild<QWidget *>(QStringLiteral("outcomesChart")));
    QVERIFY2(status->text().startsWith(QStringLiteral("1 day")), qPrintable(status->text()));
}

void TestSupervisorPage::aSupervisorWithoutWindowsIsTold()
{
    ow::sync::SupervisorService lonely {QUrl(m_demo.url), QByteArray()};
    lonely.setCredentials(kLonely, kPassword);
    ow::ui::ClientContext context = m_context;
    context.supervisor = &lonely;
    context.window.clerk = kLonely;
    SupervisorPage p(context);
    QVERIFY(refreshed(p));
    auto *empty = p.findChild<QLabel *>(QStringLiteral("emptyLabel"));
    QVERIFY(empty->isVisible());
    QVERIFY2(empty->text().contains(QStringLiteral("No windows are assigned to you")), qPrintable(empty->text()));
    QVERIFY(empty->text().contains(kLonely));
    QVERIFY(!p.findChild<QTabWidget *>(QStringLiteral("sectionTabs"))->isVisible());
}

// For a person to look at (OW_SCREENSHOTS=<dir>): each tab and the daily report, in zh_CN.
void TestSupervisorPage::screenshots(const QString &dir)
{
    QVERIFY(ow::i18n::installTranslations(*qApp, QStringLiteral("zh_CN")));
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    const QString pdfPath = QDir(dir).filePath(QStringLiteral("supervisor-daily.pdf"));
    ow::ui::ClientContext context = m_context;
    context.askSavePath = [pdfPath](const QString &, const QString &, const QString &) { return pdfPath; };
    SupervisorPage p(context);
    p.resize(1366, 740);
    QVERIFY(refreshed(p));
    auto *tabs = p.findChild<QTabWidget *>(QStringLiteral("sectionTabs"));
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        QTest::qWait(50);
        QVERIFY(p.grab().save(QDir(dir).filePath(QStringLiteral("supervisor-%1.png").arg(i))));
    }
    QSignalSpy saved(&p, &SupervisorPage::saved);
    QTest::mouseClick(p.findChild<QPushButton *>(QStringLiteral("reportButton")), Qt::LeftButton);
    QVERIFY(saved.wait(kWait));
    QCOMPARE(saved.at(0).at(1).toString(), QString());
    QVERIFY(ow::i18n::installTranslations(*qApp, QStringLiteral("en")));
    QLocale::setDefault(QLocale::c());
}

void TestSupervisorPage::staleFiguresKeepTheirAge()
{
    auto p = page(kSupervisor);
    QVERIFY(refreshed(*p));
    auto *live = p->findChild<QTableWidget *>(QStringLiteral("liveTable"));
    auto *status = p->findChild<QLabel *>(QStringLiteral("statusLabel"));
    QCOMPARE(live->rowCount(), 1);
    QVERIFY2(status->text().startsWith(QStringLiteral("Updated at")), qPrintable(status->text()));
    m_demo.server.kill(); // the back office goes away
    QVERIFY(!refreshed(*p));
    // The figures stay, marked with their time and age, and why they are not fresh.
    QCOMPARE(live->rowCount(), 1);
    QCOMPARE(cellText(live, 0, 2), m_served);
    QVERIFY2(status->text().startsWith(QStringLiteral("Figures as of")), qPrintable(status->text()));
    QVERIFY2(status->text().contains(QStringLiteral("the refresh failed: The back office cannot be reached")),
        qPrintable(status->text()));
    QVERIFY(status->styleSheet().contains(QStringLiteral("#b3261e")));
}

QTEST_MAIN(TestSupervisorPage)
#include "tst_supervisorpage.moc"
