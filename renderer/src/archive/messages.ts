/** Messages of case archive export and import (part of the one UI catalogue, see `i18n/messages.ts`). */
import { defineMessages } from '../i18n/define-messages';

export const archiveMessages = defineMessages({
  en: {
    'archive.export': 'Export archive',
    'archive.import': 'Import archive…',
    'archive.exported': 'Saved “{fileName}”: the case with its {count} originals, each fingerprinted.',
    'archive.imported': 'Imported “{title}” with {count} exhibits; every fingerprint checked.',
    'archive.importedCopy': 'This case was already here, so the archive came in as a copy: “{title}”.',
    'archive.copyTitle': '{title} (imported)',
    'archive.rejected': '“{name}” was not imported: {reason}',
    'archive.busy': 'Checking “{name}”…',
  },
  'zh-TW': {
    'archive.export': '匯出封存檔',
    'archive.import': '匯入封存檔…',
    'archive.exported': '已儲存「{fileName}」：案件連同 {count} 個原始檔，皆附指紋。',
    'archive.imported': '已匯入「{title}」，共 {count} 件證物；每個指紋都已核對。',
    'archive.importedCopy': '這個案件已經存在，因此封存檔以副本匯入：「{title}」。',
    'archive.copyTitle': '{title}（匯入）',
    'archive.rejected': '「{name}」未匯入：{reason}',
    'archive.busy': '正在核對「{name}」…',
  },
  'zh-CN': {
    'archive.export': '导出归档文件',
    'archive.import': '导入归档文件…',
    'archive.exported': '已保存“{fileName}”：案件连同 {count} 个原始文件，均附指纹。',
    'archive.imported': '已导入“{title}”，共 {count} 件证据；每个指纹都已核对。',
    'archive.importedCopy': '这个案件已经存在，因此归档文件以副本导入：“{title}”。',
    'archive.copyTitle': '{title}（导入）',
    'archive.rejected': '“{name}”未导入：{reason}',
    'archive.busy': '正在核对“{name}”…',
  },
});
