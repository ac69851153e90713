#include "onewindow/ui/HallDisplay.h"

#include "onewindow/core/Clock.h"
#include "onewindow/ui/HallVoice.h"
#include "ui_HallDisplay.h"

#include <QEvent>
#include <QHash>
#include <QHeaderView>
#include <QRegularExpression>
#include <QTimer>

namespace ow::ui {

HallDisplay::HallDisplay(const Clock &clock, HallVoice *voice, QWidget *parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_voice(voice)
    , m_ui(std::make_unique<Ui::HallDisplay>())
    , m_clockTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    setAttribute(Qt::WA_StyledBackground);
    for (QTableWidget *table : {m_ui->recentCallsTable, m_ui->waitingTable}) {
        table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
        table->verticalHeader()->setDefaultSectionSize(48);
    }
    m_clockTimer->setInterval(1000);
    connect(m_clockTimer, &QTimer::timeout, this, &HallDisplay::tick);
    m_clockTimer->start();
    tick();
    refresh();
}

HallDisplay::~HallDisplay() = default;

void HallDisplay::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        refresh();
    }
    QWidget::changeEvent(event);
}

QString HallDisplay::windowNumber(const QString &window)
{
    // The back office names a window by its key, region and code: "330106-W03".
    static const QRegularExpression trailing(QStringLiteral("^(?:\\d+-)?[A-Za-z]*0*(\\d+)$"));
    const auto m = trailing.match(window);
    return m.hasMatch() ? m.captured(1) : window;
}

QString HallDisplay::callText(const HallCall &call)
{
    return tr("Number %1, please go to window %2").arg(call.number, windowNumber(call.window));
}

QString HallDisplay::spokenText(const HallCall &call)
{
    // Digits one by one (零一二, as halls call them), letters as they are.
    static const QString digits = QStringLiteral("零一二三四五六七八九");
    QString number;
    for (const QChar c : call.number) {
        if (c.isDigit() && c.digitValue() >= 0 && c.digitValue() <= 9)
            number += digits.at(c.digitValue());
        else
            number += c;
    }
    return QStringLiteral("请%1号到%2号窗口").arg(number, windowNumber(call.window));
}

void HallDisplay::setHallName(const QString &name)
{
    m_ui->hallLabel->setText(name);
}

void HallDisplay::showCall(const HallCall &call)
{
    // A recall moves the ticket back to the top; the list holds each ticket once.
    for (qsizetype i = 0; i < m_calls.size(); ++i) {
        if (!call.ticketId.isEmpty() && m_calls.at(i).ticketId == call.ticketId) {
            m_calls.removeAt(i);
            break;
        }
    }
    m_calls.prepend(call);
    while (m_calls.size() > kRecentCalls + 1)
        m_calls.removeLast();
    refresh();
    if (m_voice) {
        if (m_voice->hasVoice())
            m_voice->say(spokenText(call));
        else
            m_voice->chime();
    }
}

void HallDisplay::setWaiting(const QList<HallWaiting> &waiting)
{
    m_waiting = waiting;
    refresh();
}

void HallDisplay::showSnapshot(const queue::QueueSnapshot &snapshot)
{
    QList<HallWaiting> waiting;
    QHash<QString, QString> names;
    for (const queue::CategoryLoad &c : snapshot.categories) {
        waiting << HallWaiting {c.name, c.waiting};
        names.insert(c.code, c.name);
    }
    setWaiting(waiting);
    // snapshot.calls is newest first.
    const bool first = !m_cursor.has_value();
    qint64 newest = m_cursor.value_or(0);
    for (auto it = snapshot.calls.crbegin(); it != snapshot.calls.crend(); ++it) {
        if (m_cursor && it->cursor <= *m_cursor)
            continue;
        newest = qMax(newest, it->cursor);
        const HallCall call {it->ticket, it->number, it->window, names.value(it->category, it->category), it->at};
        if (first) {
            m_calls.prepend(call);
            continue;
        }
        showCall(call);
    }
    m_cursor = newest;
    if (first) {
        while (m_calls.size() > kRecentCalls + 1)
            m_calls.removeLast();
        refresh();
    }
}

void HallDisplay::setLinkProblem(const QString &problem)
{
    m_linkProblem = problem;
    refreshStatus();
}

void HallDisplay::tick()
{
    m_ui->clockLabel->setText(m_clock.now().toLocalTime().toString(QStringLiteral("HH:mm")));
}

void HallDisplay::refresh()
{
    tick();
    if (m_calls.isEmpty()) {
        m_ui->currentCallLabel->setText(tr("Please wait for your number to be called"));
        m_ui->currentCategoryLabel->clear();
    } else {
        const HallCall &now = m_calls.constFirst();
        m_ui->currentCallLabel->setText(callText(now));
        m_ui->currentCategoryLabel->setText(now.category);
    }
    // The calls before the current one.
    const qsizetype earlier = qMax<qsizetype>(0, m_calls.size() - 1);
    m_ui->recentCallsTable->setRowCount(int(earlier));
    for (int row = 0; row < int(earlier); ++row) {
        const HallCall &c = m_calls.at(row + 1);
        const QStringList cells {c.number, tr("Window %1").arg(windowNumber(c.window)), c.category,
            c.at.toLocalTime().toString(QStringLiteral("HH:mm"))};
        for (int col = 0; col < cells.size(); ++col) {
            auto *item = new QTableWidgetItem(cells.at(col));
            item->setTextAlignment(Qt::AlignCenter);
            m_ui->recentCallsTable->setItem(row, col, item);
        }
    }
    m_ui->waitingTable->setRowCount(int(m_waiting.size()));
    for (int row = 0; row < int(m_waiting.size()); ++row) {
        const HallWaiting &w = m_waiting.at(row);
        auto *name = new QTableWidgetItem(w.category);
        auto *count = new QTableWidgetItem(tr("%n waiting", nullptr, w.waiting));
        count->setTextAlignment(Qt::AlignCenter);
        m_ui->waitingTable->setItem(row, 0, name);
        m_ui->waitingTable->setItem(row, 1, count);
    }
    refreshStatus();
}

void HallDisplay::refreshStatus()
{
    QString status;
    if (!m_linkProblem.isEmpty())
        status = tr("Not connected to the queue: %1").arg(m_linkProblem);
    else if (!m_voice)
        status = tr("No sound: calls are shown only.");
    else if (!m_voice->hasVoice())
        status = tr("No Mandarin voice is installed: a chime announces each call (%1).").arg(m_voice->description());
    m_ui->statusLabel->setText(status);
    m_ui->statusLabel->setVisible(!status.isEmpty());
}

} // namespace ow::ui
