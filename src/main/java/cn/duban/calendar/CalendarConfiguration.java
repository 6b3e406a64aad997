package cn.duban.calendar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class CalendarConfiguration {

  /** The calendar counts by the tables in the database, seeded before anything asks for a limit. */
  @Bean
  WorkingDayCalendar workingDayCalendar(HolidayTables tables) {
    return tables.calendar();
  }
}
