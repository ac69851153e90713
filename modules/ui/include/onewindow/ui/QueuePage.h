#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class QueuePage;
}

namespace ow::ui {

struct ClientContext;

class QueuePage : public QWidget
{
    Q_OBJECT

public:
    explicit QueuePage(const ClientContext &context, QWidget *parent = nullptr);
    ~QueuePage() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    const ClientContext &m_context;
    std::unique_ptr<Ui::QueuePage> m_ui;
};

} // namespace ow::ui
