#include "onewindow/ui/MainWindow.h"

#include "onewindow/ui/CasesPage.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/DemoMenu.h"
#include "onewindow/ui/DeviceStatusWidget.h"
#include "onewindow/ui/IntakePage.h"
#include "onewindow/ui/PdfPlugin.h"
#include "onewindow/ui/QueuePage.h"
#include "onewindow/ui/SupervisorPage.h"
#include "onewindow/ui/SyncPanel.h"
#include "onewindow/ui/SyncStatusWidget.h"
#include "ui_MainWindow.h"

#include <QApplication>
#include <QEvent>
#include <QIcon>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QShortcut>
#include <QTimer>

#include <utility>

namespace ow::ui {

MainWindow::MainWindow(const ClientContext &context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
    , m_ui(std::make_unique<Ui::MainWindow>())
{
    m_ui->setupUi(this);

    // The counter's sections only for a clerk or a station: a supervisor neither takes intake
    // nor resumes a clerk's open case under their own name; an admin only sets up (issue 19).
    const bool counter = context.servesTheCounter();
    const bool supervisor = context.role == QLatin1String("supervisor");
    if (counter) {
        // Only the section shown first is made with the window; the others when first shown
        // (issue 25: the first paint waits for what is on screen, nothing else).
        addSection(
            [this] {
                auto *queuePage = new QueuePage(m_context, this);
                queuePage->setOpenCase(
                    [this](const queue::Ticket &ticket) { return m_intake->startForTicket(ticket); });
                connect(queuePage, &QueuePage::intakeRequested, this, [this] { showSection(Section::Intake); });
                return queuePage;
            },
            QStringLiteral("view-list-details"));
        m_intake = new IntakePage(context, this);
        addSection(m_intake, QStringLiteral("document-new"));
        addSection([this] { return new CasesPage(m_context, this); }, QStringLiteral("folder-open"));
    } else {
        m_roleLabel = new QLabel(this);
        m_roleLabel->setObjectName(QStringLiteral("roleLabel"));
        m_roleLabel->setAlignment(Qt::AlignCenter);
        m_roleLabel->setWordWrap(true);
        for (int i = 0; i < 3; ++i)
            addSection(i == 0 ? static_cast<QWidget *>(m_roleLabel) : new QWidget(this), QString());
    }
    // 督办 only for a supervisor (a clerk neither sees the others' figures nor decides appeals).
    if (supervisor)
        addSection([this] { return new SupervisorPage(m_context, this); }, QStringLiteral("view-statistics"));
    else
        addSection(new QWidget(this), QStringLiteral("view-statistics"));
    for (int i = 0; i < m_ui->sectionList->count(); ++i)
        m_ui->sectionList->item(i)->setHidden(i == int(Section::Supervisor) ? !supervisor : !counter);

    connect(m_ui->sectionList, &QListWidget::currentRowChanged, this, [this](int row) {
        makeSection(row);
        m_ui->sectionStack->setCurrentIndex(row);
    });
    connect(m_ui->quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    // Ctrl+1 … Ctrl+4 jump between sections, so the keyboard never needs the mouse.
    for (int i = 0; i < m_ui->sectionStack->count(); ++i) {
        auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), this);
        connect(shortcut, &QShortcut::activated, this, [this, i] {
            if (!m_ui->sectionList->item(i)->isHidden()) // not a section of this role
                m_ui->sectionList->setCurrentRow(i);
        });
    }

    m_modeLabel = new QLabel(this);
    m_windowLabel = new QLabel(this);
    statusBar()->addWidget(m_windowLabel);
    statusBar()->addPermanentWidget(m_modeLabel);
    if (context.cardReader) {
        auto *readerStatus = new DeviceStatusWidget(this);
        readerStatus->setObjectName(QStringLiteral("cardReaderStatus"));
        readerStatus->attachReader(context.cardReader);
        readerStatus->setDemoCardSlot(context.demoCards);
        statusBar()->addPermanentWidget(readerStatus);
    }
    if (context.devices) {
        auto *printerStatus = new DeviceStatusWidget(this);
        printerStatus->setObjectName(QStringLiteral("printerStatus"));
        printerStatus->attachPrinter(context.devices);
        statusBar()->addPermanentWidget(printerStatus);
    }

    auto *syncStatus = new SyncStatusWidget(this);
    syncStatus->setObjectName(QStringLiteral("syncStatus"));
    syncStatus->attach(context.sync);
    statusBar()->addPermanentWidget(syncStatus);
    connect(syncStatus, &SyncStatusWidget::activated, this, &MainWindow::showSyncPanel);
    auto *syncShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y), this);
    connect(syncShortcut, &QShortcut::activated, this, &MainWindow::showSyncPanel);

    if (context.demoCards)
        menuBar()->insertMenu(m_ui->menuBar->actions().value(1), new DemoMenu(context, this));

    retranslate();
    showSection(counter ? Section::Intake : supervisor ? Section::Supervisor : Section::Queue);
}

MainWindow::~MainWindow() = default;

void MainWindow::catalogueReady()
{
    if (m_intake)
        m_intake->catalogueReady();
}

SyncPanel *MainWindow::showSyncPanel()
{
    if (!m_syncPanel) {
        m_syncPanel = new SyncPanel(this);
        m_syncPanel->setObjectName(QStringLiteral("syncPanel"));
        m_syncPanel->attach(m_context.sync);
    }
    m_syncPanel->show();
    m_syncPanel->raise();
    m_syncPanel->activateWindow();
    return m_syncPanel;
}

void MainWindow::addSection(QWidget *page, const QString &iconName)
{
    m_ui->sectionStack->addWidget(page);
    m_makers.emplace_back();
    auto *item = new QListWidgetItem(QIcon::fromTheme(iconName), QString(), m_ui->sectionList);
    item->setSizeHint(QSize(0, 44));
}

void MainWindow::addSection(std::function<QWidget *()> make, const QString &iconName)
{
    addSection(new QWidget(this), iconName); // stands in until the section is first shown
    m_makers.back() = std::move(make);
}

void MainWindow::makeSection(int index)
{
    if (index < 0 || index >= int(m_makers.size()) || !m_makers[std::size_t(index)])
        return;
    const auto make = std::exchange(m_makers[std::size_t(index)], nullptr);
    QWidget *standIn = m_ui->sectionStack->widget(index);
    m_ui->sectionStack->insertWidget(index, make());
    m_ui->sectionStack->removeWidget(standIn);
    delete standIn;
}

void MainWindow::showSection(Section section)
{
    m_ui->sectionList->setCurrentRow(int(section));
}

MainWindow::Section MainWindow::currentSection() const
{
    return Section(m_ui->sectionStack->currentIndex());
}

void MainWindow::paintEvent(QPaintEvent *event)
{
    QMainWindow::paintEvent(event);
    if (m_painted)
        return;
    m_painted = true;
    QTimer::singleShot(0, this, [this] {
        const QIcon icon(QStringLiteral(":/onewindow/icons/onewindow.png"));
        QApplication::setWindowIcon(icon);
        setWindowIcon(icon);
        // The PDF views and import (QtPdf), unless a PDF was shown or imported already.
        (void)PdfPlugin::load();
    });
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate()
{
    const QStringList titles = {tr("Queue"), tr("Intake"), tr("Cases"), tr("Supervisor")};
    for (int i = 0; i < titles.size() && i < m_ui->sectionList->count(); ++i) {
        QListWidgetItem *item = m_ui->sectionList->item(i);
        item->setText(titles.at(i));
        item->setToolTip(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)).toString(QKeySequence::NativeText));
    }
    m_modeLabel->setText(m_context.demoMode ? tr("Demo mode: simulated devices, demo data") : QString());
    if (m_roleLabel)
        m_roleLabel->setText(tr("Intake, hand-out and the queue are for clerk and station accounts; %1 signed in as "
                                "%2. Administrators set windows and accounts up with onewindow-tool and the back "
                                "office.")
                                 .arg(m_context.window.clerk, m_context.role));
    m_windowLabel->setText(m_context.window.windowName.isEmpty()
            ? tr("No window assigned")
            : tr("Window: %1 · clerk %2").arg(m_context.window.windowName, m_context.window.clerk));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About OneWindow"),
        tr("<h3>OneWindow %1</h3><p>The comprehensive acceptance window: one set of materials, "
           "one window, at most one visit.</p>")
            .arg(QStringLiteral(ONEWINDOW_VERSION)));
}

} // namespace ow::ui
