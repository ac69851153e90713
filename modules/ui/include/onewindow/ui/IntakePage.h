#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class IntakePage;
}

namespace ow::ui {

struct ClientContext;

class IntakePage : public QWidget
{
    Q_OBJECT

public:
    explicit IntakePage(const ClientContext &context, QWidget *parent = nullptr);
    ~IntakePage() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    const ClientContext &m_context;
    std::unique_ptr<Ui::IntakePage> m_ui;
};

} // namespace ow::ui
