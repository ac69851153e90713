#include "onewindow/ui/MatterSearchPanel.h"

#include "onewindow/catalog/CatalogSearch.h"
#include "ui_MatterSearchPanel.h"

#include <QEvent>
#include <QKeyEvent>

namespace ow::ui {

namespace {
constexpr int kKindRole = Qt::UserRole;
constexpr int kIdRole = Qt::UserRole + 1;
} // namespace

MatterSearchPanel::MatterSearchPanel(QWidget *parent)
    : QGroupBox(parent)
    , m_ui(std::make_unique<Ui::MatterSearchPanel>())
{
    m_ui->setupUi(this);
    m_ui->resultList->setVisible(false);
    m_ui->searchEdit->installEventFilter(this);
    connect(m_ui->searchEdit, &QLineEdit::textChanged, this, &MatterSearchPanel::runQuery);
    connect(m_ui->resultList, &QListWidget::itemActivated, this,
        [this](QListWidgetItem *item) { pick(m_ui->resultList->row(item)); });
}

MatterSearchPanel::~MatterSearchPanel() = default;

void MatterSearchPanel::setSearch(const CatalogSearch *search)
{
    m_search = search;
}

void MatterSearchPanel::setChosen(const QString &title)
{
    m_ui->chosenLabel->setText(title.isEmpty() ? QString() : tr("Chosen: <b>%1</b>").arg(title.toHtmlEscaped()));
}

void MatterSearchPanel::focusSearch()
{
    m_ui->searchEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->searchEdit->selectAll();
    m_ui->resultList->setVisible(m_ui->resultList->count() > 0);
}

void MatterSearchPanel::clear()
{
    m_ui->searchEdit->clear();
    m_ui->resultList->clear();
    m_ui->chosenLabel->clear();
}

int MatterSearchPanel::resultCount() const
{
    return m_ui->resultList->count();
}

void MatterSearchPanel::runQuery(const QString &text)
{
    m_ui->resultList->clear();
    // The results show while searching only: after a pick the list folds away.
    m_ui->resultList->setVisible(m_search && !text.trimmed().isEmpty());
    if (!m_search || text.trimmed().isEmpty())
        return;
    const auto hits = m_search->search(text, 12);
    for (const CatalogSearch::Hit &hit : hits) {
        const bool bundle = hit.kind == CatalogSearch::Hit::Kind::Bundle;
        auto *item = new QListWidgetItem(
            bundle ? tr("%1  (one-matter bundle)").arg(hit.name) : QStringLiteral("%1  %2").arg(hit.name, hit.id),
            m_ui->resultList);
        item->setData(kKindRole, bundle);
        item->setData(kIdRole, hit.id);
        if (bundle) {
            QFont f = item->font();
            f.setBold(true);
            item->setFont(f);
        }
    }
    if (m_ui->resultList->count() > 0)
        m_ui->resultList->setCurrentRow(0);
}

void MatterSearchPanel::pick(int row)
{
    const QListWidgetItem *item = m_ui->resultList->item(row);
    if (!item)
        return;
    const QString id = item->data(kIdRole).toString();
    m_ui->resultList->setVisible(false);
    Q_EMIT chosen(item->data(kKindRole).toBool() ? checklist::Selection::ofBundle(id)
                                                 : checklist::Selection::ofMatters({id}));
}

bool MatterSearchPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->searchEdit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        QListWidget *list = m_ui->resultList;
        switch (key->key()) {
        case Qt::Key_Down: list->setCurrentRow(std::min(list->currentRow() + 1, list->count() - 1)); return true;
        case Qt::Key_Up: list->setCurrentRow(std::max(list->currentRow() - 1, 0)); return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (list->count() > 0) {
                pick(std::max(list->currentRow(), 0));
                return true;
            }
            break;
        default: break;
        }
    }
    return QGroupBox::eventFilter(watched, event);
}

void MatterSearchPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_ui->retranslateUi(this);
    QGroupBox::changeEvent(event);
}

} // namespace ow::ui
