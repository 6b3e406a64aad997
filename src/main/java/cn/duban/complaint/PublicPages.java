package cn.duban.complaint;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The public complaint pages under their short address. */
@Controller
public class PublicPages {

  @GetMapping({"/complaint", "/complaint/"})
  public String complaintPage() {
    return "forward:/complaint/index.html";
  }
}
