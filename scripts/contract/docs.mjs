// Headless Chromium (Debian's) loads the service's docs with every request to another host
// blocked; fails if one is attempted, or if a page does not render the operations.
// Usage: node docs.mjs BASE_URL   (scripts/contract/docs.py starts the service)
import puppeteer from "puppeteer-core";

const base = process.argv[2];
const origin = new URL(base).origin;
const pages = [
  // Swagger UI renders one `.opblock` per operation.
  { path: "/api/docs/", selector: ".opblock", min: 40 },
  // Redoc renders one `[data-section-id^="operation/"]` per operation.
  { path: "/api/redoc/", selector: '[data-section-id^="operation/"]', min: 40 },
];

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-default-apps"],
});
let failed = false;
try {
  for (const { path, selector, min } of pages) {
    const page = await browser.newPage();
    const blocked = [];
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      const url = request.url();
      if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:")) {
        request.continue();
      } else {
        blocked.push(url);
        request.abort("blockedbyclient");
      }
    });
    const errors = [];
    page.on("pageerror", (error) => errors.push(String(error)));
    await page.goto(base + path, { waitUntil: "networkidle0", timeout: 60000 });
    await page.waitForSelector(selector, { timeout: 60000 }).catch(() => {});
    const count = (await page.$$(selector)).length;
    const ok = blocked.length === 0 && count >= min && errors.length === 0;
    console.log(`${ok ? "ok  " : "FAIL"} ${path}: ${count} operations rendered (want >= ${min}), ` +
      `${blocked.length} off-service requests${blocked.length ? ": " + blocked.join(", ") : ""}` +
      `${errors.length ? "; page errors: " + errors.join("; ") : ""}`);
    failed ||= !ok;
    await page.close();
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
