#pragma once

#include "onewindow/scan/MaterialPages.h"
#include "onewindow/scan/ScanSettings.h"

#include <QSet>
#include <QWidget>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace Ui {
class ScanPanel;
}

namespace ow::intake {
class IntakeWorkflow;
}
namespace ow::scan {
class HotFolder;
class Scanner;
} // namespace ow::scan

namespace ow::ui {

class PdfArea;

// The pages of each checklist line: scanned (SANE, on the scanner's worker thread), imported
// from files or a hot folder (decoded and normalised on a worker thread), shown as
// thumbnails to reorder, turn and delete, previewed as the material's PDF (QPdfView, from the PDF plugin: PdfArea), and
// attached to the case as one content-addressed PDF.
class ScanPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ScanPanel(QWidget *parent = nullptr);
    ~ScanPanel() override;

    // The case whose checklist lines the pages belong to; documents go to `dataDir`/blobs.
    void setWorkflow(intake::IntakeWorkflow *workflow, const QString &dataDir);
    void setScanSettings(const scan::ScanSettings &settings) { m_settings = settings; }
    // Watches a folder (a document camera's output); finished files are imported.
    void setHotFolder(const QString &dir);

    // A decided case's supplement (SupplementDialog): the pages go onto these lines (id, name)
    // instead of the open case's checklist, and a stored PDF is handed to `stored` (which records
    // it) instead of being attached to the case by the workflow. Empty: back to the checklist.
    void setSupplementLines(const QList<QPair<QString, QString>> &lines, const QString &dataDir,
        std::function<QString(const QString &material, const QString &sha256, int pages)> stored);

    QString currentMaterial() const;
    void selectMaterial(const QString &materialId);
    const scan::MaterialPages &pages() const { return m_pages; }
    bool busy() const { return m_busyJobs > 0; }
    int previewPageCount() const;

    void scan();
    // Imports files in the background onto the current material; a bad file is named and
    // the other pages are kept.
    void importFiles(const QStringList &paths);
    // Stores the material's pages as one PDF and records it with the case.
    QString attach(const QString &materialId);
    // The clerk marked the line received: pages not yet attached are attached now.
    void materialReceived(const QString &materialId);

    // Test seam: asks for files to import (a QFileDialog by default).
    std::function<QStringList()> pickFiles;

Q_SIGNALS:
    void reported(const QString &error, const QString &success);
    // The text of a barcode found on a page (e.g. a business licence's QR).
    void barcodeRead(const QString &text);
    void busyChanged(bool busy);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refreshMaterials();
    void refreshPages();
    void refreshPreview();
    void addPages(const QString &materialId, const scan::Pages &pages);
    void setBusy(bool on);
    void report(const QString &error, const QString &success = {});
    int currentPage() const;
    void movePage(int delta);
    void rotatePage(int quarterTurns);
    void deletePage();
    void setupShortcuts();

    std::unique_ptr<Ui::ScanPanel> m_ui;
    intake::IntakeWorkflow *m_workflow = nullptr;
    QString m_dataDir;
    scan::ScanSettings m_settings;
    scan::MaterialPages m_pages;
    QSet<QString> m_unattached;
    QString m_caseId; // the case the pages belong to
    QList<QPair<QString, QString>> m_supplementLines;
    std::function<QString(const QString &, const QString &, int)> m_stored;
    QString m_scanTarget;
    scan::Scanner *m_scanner = nullptr;
    scan::HotFolder *m_hotFolder = nullptr;
    std::unique_ptr<PdfArea> m_preview;
    QList<QThread *> m_imports;
    std::shared_ptr<std::atomic<bool>> m_stop;
    int m_busyJobs = 0;
};

} // namespace ow::ui
