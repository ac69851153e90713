#include "onewindow/ui/DeviceStatusWidget.h"

#include "onewindow/idcard/IdCardReader.h"
#include "onewindow/ui/CounterDevices.h"
#include "onewindow/ui/DemoCardSlot.h"
#include "onewindow/ui/DemoMenu.h"
#include "ui_DeviceStatusWidget.h"

#include <QEvent>
#include <QMenu>

namespace ow::ui {

DeviceStatusWidget::DeviceStatusWidget(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::DeviceStatusWidget>())
{
    m_ui->setupUi(this);
    m_ui->demoButton->setVisible(false);
    refresh();
}

DeviceStatusWidget::~DeviceStatusWidget() = default;

void DeviceStatusWidget::attachReader(idcard::IdCardReader *reader)
{
    if (!reader)
        return;
    connect(reader, &idcard::IdCardReader::statusChanged, this, &DeviceStatusWidget::setStatus);
    setStatus(reader->status());
}

void DeviceStatusWidget::attachPrinter(CounterDevices *devices)
{
    if (!devices)
        return;
    m_printer = true;
    connect(devices, &CounterDevices::printerStatusChanged, this, &DeviceStatusWidget::setStatus);
    setStatus(devices->printerStatus());
}

void DeviceStatusWidget::setDemoCardSlot(DemoCardSlot *demo)
{
    m_demo = demo;
    m_ui->demoButton->setVisible(demo != nullptr);
    buildDemoMenu();
}

void DeviceStatusWidget::buildDemoMenu()
{
    delete m_ui->demoButton->menu();
    if (!m_demo)
        return;
    auto *menu = new QMenu(m_ui->demoButton);
    DemoMenu::addCardActions(menu, m_demo);
    m_ui->demoButton->setMenu(menu);
}

void DeviceStatusWidget::setStatus(const ow::usb::DeviceStatus &status)
{
    m_status = status;
    refresh();
}

QString DeviceStatusWidget::text() const
{
    return m_ui->textLabel->text();
}

void DeviceStatusWidget::refresh()
{
    QString line;
    QString colour;
    switch (m_status.state) {
    case usb::DeviceState::Ready:
        line = m_printer ? tr("Receipt printer: ready") : tr("Card reader: ready");
        colour = QStringLiteral("#1b7f3b");
        break;
    case usb::DeviceState::Busy:
        line = m_printer ? tr("Receipt printer: printing…") : tr("Card reader: reading…");
        colour = QStringLiteral("#1b7f3b");
        break;
    case usb::DeviceState::Absent:
        line = m_printer ? tr("Receipt printer: not connected") : tr("Card reader: not connected");
        colour = QStringLiteral("#808080");
        break;
    case usb::DeviceState::Unplugged:
    case usb::DeviceState::Error: {
        const QString why = m_status.message.isEmpty() ? tr("error") : m_status.message;
        line = m_printer ? tr("Receipt printer: %1").arg(why) : tr("Card reader: %1").arg(why);
        colour = QStringLiteral("#b00020");
        break;
    }
    }
    m_ui->textLabel->setText(line);
    m_ui->markLabel->setStyleSheet(QStringLiteral("color: %1;").arg(colour));
    QString tip = m_status.detail;
    if (!m_status.device.isEmpty())
        tip = m_status.device + (tip.isEmpty() ? QString() : QStringLiteral(" · ") + tip);
    setToolTip(tip);
}

void DeviceStatusWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        buildDemoMenu();
        refresh();
    }
    QWidget::changeEvent(event);
}

} // namespace ow::ui
