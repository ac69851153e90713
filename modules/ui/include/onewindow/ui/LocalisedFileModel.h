#pragma once

#include <QIdentityProxyModel>
#include <QStringList>

class QFileDialog;
class QWidget;

namespace ow::ui {

// The file dialog's files as the window's language shows them. QFileSystemModel writes the
// modification date in the system locale (under LANG=C "6 Dec 2026"), whatever language the clerk
// chose; this writes it in the default locale, the chosen language (installTranslations).
class LocalisedFileModel : public QIdentityProxyModel
{
    Q_OBJECT

public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // Qt's own dialog (the platform's native one speaks the system language), showing the files
    // through this model.
    static void localise(QFileDialog *dialog);
    static QStringList openFileNames(QWidget *parent, const QString &caption, const QString &filter);
    static QString saveFileName(QWidget *parent, const QString &caption, const QString &filter);
};

} // namespace ow::ui
