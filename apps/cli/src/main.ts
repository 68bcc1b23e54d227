import { Command } from "commander";
import { demoAccountsNotice } from "@ntm/api";
import { withDatabase } from "./cli-context.ts";
import { printError } from "./print-error.ts";
import { backupCommand, restoreCommand } from "./commands/backup.ts";
import { auditVerifyCommand } from "./commands/audit-verify.ts";
import { catalogImportCommand } from "./commands/catalog-import.ts";
import { regimesImportCommand } from "./commands/dossiers-regimes-import.ts";
import { evaluateCommand } from "./commands/evaluate.ts";
import { seedDemo } from "./commands/seed-demo.ts";
import { serveCommand } from "./commands/serve.ts";
import { unitsImportCommand } from "./commands/units-import.ts";
import { unitsImportReformCommand } from "./commands/units-import-reform.ts";
import { usersAddCommand } from "./commands/users-add.ts";
import {
  usersEndSessionsCommand,
  usersResetPasswordCommand,
  usersSetActiveCommand,
} from "./commands/users-manage.ts";
import { exportValuesCommand, importValuesCommand } from "./commands/reports-values.ts";
import { reportsRemindCommand } from "./commands/reports-remind.ts";
import { mailSendCommand } from "./commands/mail-send.ts";
import { storageSweepCommand } from "./commands/storage-sweep.ts";
import { reportsOpenPeriodsCommand } from "./commands/reports-open-periods.ts";
import { boundariesImportCommand } from "./commands/targets-boundaries.ts";

const program = new Command("ntm")
  .description("NTM Monitor: nhập, xuất, dữ liệu minh họa và bảo trì")
  .showHelpAfterError();

program
  .command("migrate")
  .description("Áp dụng các bản cập nhật cấu trúc cơ sở dữ liệu")
  .action(() => withDatabase(async () => console.log("Cơ sở dữ liệu đã được cập nhật.")));

program
  .command("seed")
  .description(
    "Tạo dữ liệu minh họa (tỉnh Quảng Ngãi ngày nay: tỉnh Kon Tum 2022–2024, sắp xếp từ 01/7/2025, số liệu 2025–2026)",
  )
  .option("--demo", "dữ liệu minh họa", false)
  .option("--if-empty", "chỉ tạo khi cơ sở dữ liệu còn trống", false)
  .option(
    "--province <code>",
    "mã tỉnh trước sắp xếp mang số liệu 2022–2024 (mặc định 62, Kon Tum)",
  )
  .action((options: { demo: boolean; ifEmpty: boolean; province?: string }) =>
    withDatabase(async ({ database, config }) => {
      if (!options.demo) throw new Error("Hãy dùng: ntm seed --demo");
      await seedDemo(database, {
        ifEmpty: options.ifEmpty,
        ...(options.province ? { provinceCode: options.province } : {}),
      });
      const notice = await demoAccountsNotice(database.db, { demoLogins: config.demo });
      if (notice) console.log(notice);
    }),
  );

program
  .command("serve")
  .description("Chạy máy chủ (API và ứng dụng web), như npm start")
  .option(
    "--demo-if-empty",
    "tạo dữ liệu minh họa trước khi chạy nếu cơ sở dữ liệu còn trống",
    false,
  )
  .option(
    "--build-web",
    "dựng lại ứng dụng web nếu mã nguồn của nó đã đổi, trong lúc chuẩn bị cơ sở dữ liệu",
    false,
  )
  .action((options: { demoIfEmpty: boolean; buildWeb: boolean }) => serveCommand(options));

const units = program.command("units").description("Đơn vị hành chính");
units
  .command("import <file>")
  .description("Nhập đơn vị hành chính từ CSV hoặc JSON")
  .action(unitsImportCommand);
units
  .command("import-reform")
  .description("Nhập sắp xếp đơn vị hành chính từ 1/7/2025 (34 tỉnh, 3.321 xã, phường, đặc khu)")
  .option("--dry-run", "chỉ in những gì sẽ làm, không ghi", false)
  .option("--province <code>", "chỉ một tỉnh: mã tỉnh mới, hoặc mã tỉnh cũ (62 → 51)")
  .action(unitsImportReformCommand);

const catalog = program.command("catalog").description("Bộ tiêu chí");
catalog
  .command("import <file>")
  .description("Nhập một phiên bản bộ tiêu chí hoặc tệp ghi đè cấp tỉnh (JSON)")
  .action(catalogImportCommand);

const regimes = program.command("regimes").description("Quy trình hồ sơ công nhận, thu hồi");
regimes
  .command("import <file>")
  .description("Nhập tệp quy trình hồ sơ (JSON) thành phiên bản mới")
  .action(regimesImportCommand);

program
  .command("evaluate")
  .description("Đánh giá một xã (hoặc tất cả các xã) cho một năm")
  .option("--unit <code>", "mã xã")
  .requiredOption("--year <year>", "năm đánh giá; với --all có thể là khoảng năm, ví dụ 2021-2025")
  .option("--json", "in kết quả dạng JSON", false)
  .option("--all", "đánh giá lại tất cả các xã", false)
  .option("--from-chunk <n>", "với --all: tiếp tục từ phần thứ n (số phần đã xong lần trước)")
  .action(evaluateCommand);

const users = program.command("users").description("Tài khoản");
users
  .command("add")
  .description("Tạo tài khoản")
  .requiredOption("--username <username>")
  .requiredOption(
    "--password <password>",
    "ít nhất 10 ký tự, không phổ biến, không chứa tên đăng nhập",
  )
  .requiredOption(
    "--role <role>",
    "province_admin | coordination_office | department | district | commune_officer | fatherland_front | viewer",
  )
  .requiredOption("--unit <code>", "đơn vị được giao")
  .option("--department <code>", "mã sở, ngành (vai trò department)")
  .option("--name <name>", "tên hiển thị")
  .action(usersAddCommand);
users
  .command("reset-password")
  .description("Đặt lại mật khẩu: in mật khẩu tạm, người dùng phải đổi khi đăng nhập")
  .requiredOption("--username <username>")
  .action(usersResetPasswordCommand);
users
  .command("disable")
  .description("Vô hiệu hóa tài khoản và kết thúc mọi phiên đăng nhập của nó")
  .requiredOption("--username <username>")
  .action(usersSetActiveCommand(false));
users
  .command("enable")
  .description("Mở lại tài khoản đã vô hiệu hóa")
  .requiredOption("--username <username>")
  .action(usersSetActiveCommand(true));
users
  .command("end-sessions")
  .description("Kết thúc mọi phiên đăng nhập của tài khoản")
  .requiredOption("--username <username>")
  .action(usersEndSessionsCommand);

program
  .command("boundaries")
  .description("Ranh giới đơn vị hành chính cho bản đồ")
  .command("import <file>")
  .description("Nhập ranh giới từ GeoJSON FeatureCollection (mỗi vùng mang mã đơn vị)")
  .option("--property <name>", "thuộc tính chứa mã đơn vị", "ma")
  .option("--schematic", "sơ đồ minh họa, không phải ranh giới thật", false)
  .action(boundariesImportCommand);

const importCommand = program.command("import").description("Nhập số liệu");
importCommand
  .command("values <file>")
  .description("Nhập giá trị chỉ tiêu từ mẫu Excel theo xã hoặc tệp dạng dọc (.csv, .xlsx)")
  .option("--dry-run", "chỉ kiểm tra, không lưu", false)
  .action(importValuesCommand);
const exportCommand = program.command("export").description("Xuất số liệu");
exportCommand
  .command("values")
  .description(
    "Xuất giá trị chỉ tiêu các xã của một đơn vị (dạng dọc; .xlsx hoặc .csv theo tên tệp)",
  )
  .requiredOption("--unit <code>", "mã tỉnh, huyện hoặc xã")
  .requiredOption("--year <year>", "năm đánh giá")
  .option("--out <file>", "tệp kết quả (mặc định so-lieu-MÃ-NĂM.xlsx)")
  .action(exportValuesCommand);
const reports = program.command("reports").description("Báo cáo định kỳ");
reports
  .command("remind")
  .description("Gửi thư nhắc hạn nộp báo cáo đến hạn hôm nay (chạy hằng ngày; không gửi trùng)")
  .action(reportsRemindCommand);
reports
  .command("open-periods")
  .description(
    "Mở các kỳ báo cáo đã kết thúc (tạo các báo cáo phải nộp; chạy hằng ngày, không tạo trùng)",
  )
  .option("--date <date>", "mở các kỳ kết thúc trước ngày này (YYYY-MM-DD; mặc định hôm nay)")
  .action(reportsOpenPeriodsCommand);

program
  .command("mail")
  .description("Thư điện tử")
  .command("send")
  .description("Gửi ngay các thư đang chờ trong hộp thư đi (thông báo hồ sơ, nhắc hạn báo cáo)")
  .action(mailSendCommand);

program
  .command("storage")
  .description("Tệp đã lưu (minh chứng, bản quét hồ sơ)")
  .command("sweep")
  .description(
    "Xoá các tệp không hồ sơ nào dùng (để lại khi máy chủ dừng giữa lúc tải lên), cũ hơn thời gian chờ",
  )
  .option("--dry-run", "chỉ liệt kê, không xoá")
  .option("--grace-minutes <minutes>", "chỉ xoá tệp cũ hơn số phút này (mặc định 60)")
  .action(storageSweepCommand);

program
  .command("backup <file>")
  .description(
    "Sao lưu toàn bộ dữ liệu và các tệp đính kèm vào một tệp (JSON nén gzip), đọc trong một thời điểm",
  )
  .action(backupCommand);
program
  .command("restore <file>")
  .description(
    "Khôi phục dữ liệu và tệp đính kèm từ bản sao lưu (xóa dữ liệu hiện có), rồi đối chiếu với bản sao lưu",
  )
  .action(restoreCommand);
program
  .command("audit")
  .description("Nhật ký thay đổi")
  .command("verify")
  .description("Kiểm tra chuỗi băm của nhật ký thay đổi; báo dòng đầu tiên bị sửa, xóa hoặc chèn")
  .action(auditVerifyCommand);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = printError(error);
}
