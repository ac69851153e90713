#include "onewindow/ui/SupplementDialog.h"

#include "onewindow/intake/CaseService.h"
#include "onewindow/store/Store.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/ScanPanel.h"
#include "ui_SupplementDialog.h"

#include <QEvent>
#include <QFileInfo>
#include <QLocale>

namespace ow::ui {

SupplementDialog::SupplementDialog(const ClientContext &context, intake::CaseService &service, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_service(service)
    , m_ui(std::make_unique<Ui::SupplementDialog>())
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("supplementDialog"));
    for (const QString &how : {QStringLiteral("original"), QStringLiteral("copy"), QStringLiteral("elicence")})
        m_ui->howCombo->addItem(QString(), how);
    fillTasks();
    connect(m_ui->taskCombo, &QComboBox::currentIndexChanged, this, &SupplementDialog::showTask);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_ui->takeInButton, &QPushButton::clicked, this, [this] {
        const QString err = takeIn();
        m_ui->messageLabel->setText(err);
        m_ui->messageLabel->setStyleSheet(QStringLiteral("color:#b00020; font-weight:bold;"));
        if (err.isEmpty())
            accept();
    });
    connect(m_ui->scanPanel, &ScanPanel::reported, this, [this](const QString &error, const QString &success) {
        m_ui->messageLabel->setText(error.isEmpty() ? success : error);
        m_ui->messageLabel->setStyleSheet(
            error.isEmpty() ? QStringLiteral("color:#1b7f3b;") : QStringLiteral("color:#b00020; font-weight:bold;"));
    });
    showTask();
    retranslate();
}

SupplementDialog::~SupplementDialog() = default;

void SupplementDialog::retranslate()
{
    m_ui->howCombo->setItemText(0, tr("original"));
    m_ui->howCombo->setItemText(1, tr("copy"));
    m_ui->howCombo->setItemText(2, tr("e-licence"));
    // The same task stays selected, its scanned pages with it (no showTask()).
    const QString selected = lineId();
    fillTasks();
    {
        const QSignalBlocker block(m_ui->taskCombo);
        selectTask(selected);
    }
    showDue();
}

ScanPanel *SupplementDialog::scanPanel() const
{
    return m_ui->scanPanel;
}

void SupplementDialog::fillTasks()
{
    m_ui->caseLabel->setText(tr("Case %1: the applicant brings").arg(m_service.caseNumber()));
    QSignalBlocker block(m_ui->taskCombo);
    m_ui->taskCombo->clear();
    for (const intake::SupplementTask &t : m_service.tasks()) {
        const QString who = t.source == intake::SupplementTask::Source::Department ? t.department : tr("容缺");
        m_ui->taskCombo->addItem(QStringLiteral("%1 — %2").arg(t.what, who), t.id);
    }
}

bool SupplementDialog::selectTask(const QString &taskId)
{
    const int i = m_ui->taskCombo->findData(taskId);
    if (i < 0)
        return false;
    m_ui->taskCombo->setCurrentIndex(i);
    return true;
}

QString SupplementDialog::lineId() const
{
    return m_ui->taskCombo->currentData().toString();
}

void SupplementDialog::showTask()
{
    const QString id = lineId();
    m_sha256.clear();
    m_pages = 0;
    for (const intake::SupplementTask &t : m_service.tasks()) {
        if (t.id != id)
            continue;
        // The scan panel's one line: the task's material, named as the applicant was told.
        m_ui->scanPanel->setSupplementLines({{id, t.what}},
            m_context.store ? QFileInfo(m_context.store->path()).absolutePath() : QString(),
            [this](const QString &, const QString &sha256, int pages) {
                m_sha256 = sha256;
                m_pages = pages;
                return QString();
            });
    }
    showDue();
}

void SupplementDialog::showDue()
{
    const QString id = lineId();
    for (const intake::SupplementTask &t : m_service.tasks()) {
        if (t.id != id)
            continue;
        const QString due = t.due.isValid() ? QLocale().toString(t.due, QLocale::LongFormat) : tr("no date");
        m_ui->dueLabel->setText(t.overdue ? tr("%1 — overdue").arg(due) : due);
        m_ui->dueLabel->setStyleSheet(t.overdue ? QStringLiteral("color:#b00020; font-weight:bold;") : QString());
    }
}

QString SupplementDialog::takeIn()
{
    const QString id = lineId();
    if (id.isEmpty())
        return tr("There is no supplement to take in.");
    const auto tasks = m_service.tasks();
    const auto task =
        std::find_if(tasks.cbegin(), tasks.cend(), [&](const intake::SupplementTask &t) { return t.id == id; });
    if (task == tasks.cend())
        return tr("That task is done already.");
    // Pages scanned but not stored yet go in now.
    if (m_sha256.isEmpty() && m_ui->scanPanel->pages().count(id) > 0) {
        if (const QString err = m_ui->scanPanel->attach(id); !err.isEmpty())
            return err;
    }
    intake::CaseService::Supplied supplied;
    supplied.material = task->source == intake::SupplementTask::Source::Tolerated ? task->material : task->what;
    supplied.how = m_ui->howCombo->currentData().toString();
    supplied.sha256 = m_sha256;
    supplied.pages = m_pages;
    const QString err = m_service.takeSupplement(id, {supplied}, m_ui->noteEdit->text());
    if (err.isEmpty())
        Q_EMIT takenIn();
    return err;
}

void SupplementDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}

} // namespace ow::ui
