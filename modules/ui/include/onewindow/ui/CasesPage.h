#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class CasesPage;
}

namespace ow::ui {

struct ClientContext;

class CasesPage : public QWidget
{
    Q_OBJECT

public:
    explicit CasesPage(const ClientContext &context, QWidget *parent = nullptr);
    ~CasesPage() override;

    int caseCount() const;

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void refresh();

    const ClientContext &m_context;
    std::unique_ptr<Ui::CasesPage> m_ui;
};

} // namespace ow::ui
