#pragma once

#include "onewindow/store/CaseRecord.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace ow {
class Catalog;
namespace store {
class Store;
}
} // namespace ow

namespace ow::ui {

// A window's cases for the 案件 section, newest first, read one page at a time as the view
// scrolls (canFetchMore/fetchMore over an index: start-up and scrolling cost the same with a
// million cases as with ten). Personal data masked. The sync column says what the back office
// said (modules/sync's journal): waiting to sync, sent, confirmed (the provisional receipt is
// confirmed), or a conflict; the departments column what the departments did (CaseProgress).
class CaseListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Number, Applicant, Matter, Status, Visits, Promised, Sync, Departments, ColumnCount };
    static constexpr int PageSize = 100;

    explicit CaseListModel(QObject *parent = nullptr);

    // Starts over with the first page of `windowCode` (numbers starting with `numberPrefix`).
    void reset(store::Store *store, const Catalog *catalog, const QString &windowCode, const QString &numberPrefix);
    // Exactly these cases (found by an ID number), no further pages.
    void setRows(store::Store *store, const Catalog *catalog, const QList<store::CaseRecord> &rows);
    const store::CaseRecord *caseAt(int row) const;
    // Reads the sync and departments columns of the loaded rows again (events arrived).
    void refreshSync();
    // 后台暂缓分送：<reason> for a case the back office holds (CaseProgress::heldText), else "".
    QString heldText(int row) const;
    // Decided (receipt, notice or refusal printed): a reprint is possible.
    static bool isDecided(const store::CaseRecord &r);
    static int visits(const store::CaseRecord &r);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    enum class SyncState { Pending, Sent, Confirmed, Conflict };
    void readSync(const QList<store::CaseRecord> &rows);
    QString cell(const store::CaseRecord &r, int column) const;

    store::Store *m_store = nullptr;
    const Catalog *m_catalog = nullptr;
    QString m_windowCode;
    QString m_prefix;
    QList<store::CaseRecord> m_rows;
    QHash<QString, SyncState> m_sync; // case id → its sync column, read with its page
    QHash<QString, QString> m_progress; // case id → its departments column
    QHash<QString, QString> m_held; // case id → why the back office holds it (held cases only)
    bool m_atEnd = true;
};

} // namespace ow::ui
