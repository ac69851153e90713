#pragma once

#include "onewindow/checklist/Checklist.h"

#include <QGroupBox>

#include <memory>

namespace Ui {
class MatterSearchPanel;
}

namespace ow {
class CatalogSearch;
}

namespace ow::ui {

// Search as you type over bundles and matters; Enter (or a double click) picks the highlighted
// result. Up/Down move through the results without leaving the search box.
class MatterSearchPanel : public QGroupBox
{
    Q_OBJECT

public:
    explicit MatterSearchPanel(QWidget *parent = nullptr);
    ~MatterSearchPanel() override;

    void setSearch(const CatalogSearch *search);
    void setChosen(const QString &title);
    void focusSearch();
    // The next applicant starts with an empty search.
    void clear();
    int resultCount() const;

Q_SIGNALS:
    void chosen(const ow::checklist::Selection &selection);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void runQuery(const QString &text);
    void pick(int row);

    std::unique_ptr<Ui::MatterSearchPanel> m_ui;
    const CatalogSearch *m_search = nullptr;
};

} // namespace ow::ui
