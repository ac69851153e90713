#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class SupervisorPage;
}

namespace ow::ui {

struct ClientContext;

class SupervisorPage : public QWidget
{
    Q_OBJECT

public:
    explicit SupervisorPage(const ClientContext &context, QWidget *parent = nullptr);
    ~SupervisorPage() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    const ClientContext &m_context;
    std::unique_ptr<Ui::SupervisorPage> m_ui;
};

} // namespace ow::ui
